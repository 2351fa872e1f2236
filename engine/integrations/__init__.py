"""acx under existing orchestrators, over engine.orchestrate.sync; each one an optional extra
(`pip install acx[dagster]`), imported only by whoever uses it."""
