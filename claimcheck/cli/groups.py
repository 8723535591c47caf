"""Option groups, as sqlite-utils' output_options: a group is a plain function whose parameters
are options and whose result is what the library wants. `@with_groups(read=read_settings)` puts
the group's options on a command and hands the command the group's result as `read`."""

import functools
import inspect
from collections.abc import Callable
from typing import Any


def with_groups(
    **groups: Callable[..., Any],
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Splice each group's options into the command's signature; call the group with them and
    pass its result under the group's name."""

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        own = inspect.signature(command, eval_str=True)
        members = {name: inspect.signature(g).parameters for name, g in groups.items()}

        @functools.wraps(command)
        def run(*args: Any, **kwargs: Any) -> Any:
            for name, group in groups.items():
                given = {k: kwargs.pop(k) for k in list(kwargs) if k in members[name]}
                kwargs[name] = group(**given)
            return command(*args, **kwargs)

        params = [p for n, p in own.parameters.items() if n not in groups]
        params += [p for group in members.values() for p in group.values()]
        run.__signature__ = own.replace(parameters=params)  # type: ignore[attr-defined]
        run.__annotations__ = {p.name: p.annotation for p in params}
        return run

    return decorate
