"""Turns a folder of news articles into ranked, cited evidence. Knows nothing of Telegram."""
