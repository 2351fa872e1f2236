"""A run: the plan, the runner and its writer, state, checkpoints, events and results."""
