"""The command line: options in, one library call, errors mapped to exit statuses."""
