"""What acx shows: progress, the summary, docs, the ERD, dbt files, `acx fields` and `acx check`."""
