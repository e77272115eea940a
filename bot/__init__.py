"""Everything that talks to people: the JSON CLI, the REPL and the Telegram bot. Knows nothing of BM25."""
