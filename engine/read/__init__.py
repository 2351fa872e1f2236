"""Reading: paginators, pages to rows, side-loads, coercion, field drift, the account's zone."""
