"""Write docs/commands.md from the CLI: every command with every option, its help and its
environment variable. tests/test_docs.py fails when an option is missing from the page.

    .venv/bin/python scripts/commands_doc.py > docs/commands.md
"""

from claimcheck.cli.app import app_command

NOTES = """## Notes

- `check`, `verify`, `baseline` and `config` take the same source options, from one group
  (`claimcheck/cli/options.py`, `source_settings`), with the same environment variables.
- `extract` reads the config file's reading keys (`glob`, `input-format`, `pipeline`, `jobs`,
  `max-file-bytes`, `quiet`, and `format` when it is one extract writes). It has no `--color`:
  none of its formats is coloured.
- Precedence: a flag wins over its environment variable, the variable over the config file, the
  file over the default; `claimcheck config --show` prints each value with where it came from.
"""

root = app_command()
out = [
    "# Commands and options",
    "",
    "Every command, with every option it takes. `claimcheck COMMAND --help` prints the same.",
    "Options that read an environment variable name it; a flag wins over the variable, the",
    "variable over the config file ([configuration.md](configuration.md)).",
    "",
]


def walk(group, prefix):
    for name, cmd in sorted(group.commands.items()):
        if hasattr(cmd, "commands"):
            walk(cmd, prefix + [name])
            continue
        full = " ".join(prefix + [name])
        out.append(f"## claimcheck {full}")
        out.append("")
        out.append((cmd.help or "").strip().split("\n")[0])
        out.append("")
        out.append("| option | meaning |")
        out.append("| --- | --- |")
        for p in cmd.params:
            if p.param_type_name == "argument":
                out.append(
                    f"| `{p.name.upper()}` | {(getattr(p, 'help', '') or '').replace('|', '/')} |"
                )
                continue
            names = ", ".join(f"`{o}`" for o in p.opts + p.secondary_opts)
            help_ = (p.help or "").replace("|", "/")
            if p.envvar:
                help_ += f" Environment: `{p.envvar}`."
            out.append(f"| {names} | {help_} |")
        out.append("")


walk(root, [])
print("\n".join(out) + "\n" + NOTES, end="")
