"""Qt widgets. Views talk to the store through repositories, never SQL."""
