"""Pure domain code: tariffs, scenarios, costing, schedule, offices. Never imports textual."""
