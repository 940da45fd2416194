"""The Nulägesanalys tab: current state, analysis, interventions, traceability and
delaktighet. Imported when an engagement is first opened, not at start-up."""
