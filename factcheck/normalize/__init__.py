"""Normalisers: numbers and money, dates, names, polarity and words, English and Japanese."""
