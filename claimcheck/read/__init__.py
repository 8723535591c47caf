"""Documents in: files, folders, stdin, formats, front matter, HTML, the document date."""
