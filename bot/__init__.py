"""Career-advice assistant: knowledge pages, retrieval, career-name resolution and NLU helpers for Rasa."""
