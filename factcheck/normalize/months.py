"""English month names and their abbreviations, as month numbers: one table for the dates
(``normalize/dates.py``), the stopwords (``normalize/words.py``) and the abbreviations a
sentence does not end after (``text/segment.py``). It imports nothing, so none of those
stands on another for it."""

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
