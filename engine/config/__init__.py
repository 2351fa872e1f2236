"""Settings: acx.toml and the environment over the spec, resolved once and checked."""
