"""claimcheck: find the checkable claims in a news article and check them as of its date."""

__version__ = "0.1.0"
# The major version changes only when a field is removed or changes meaning; additions keep it.
SCHEMA_VERSION = "1.0"
