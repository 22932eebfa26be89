"""What the pages show, as plain data: each module runs a few bound queries against the `Store`
and returns dataclasses the templates render. No HTTP here."""
