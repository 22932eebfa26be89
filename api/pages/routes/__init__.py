"""HTTP routes of the pages, one module per area; thin: parse, call a view, render."""
