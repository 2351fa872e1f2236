"""HTTP: the client (timeouts, retries, redirects, bounded bodies) and the account's rate limit."""
