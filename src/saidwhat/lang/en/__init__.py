"""English (issue 14): lexicons and rules for English news."""
