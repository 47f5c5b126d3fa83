"""The Plan area: this week against the goal, the routine next, and the check-in."""
