"""Vietnamese alphabetical order of full names, as a ballot prints its candidates.

A ballot lists candidates by given name (tên, the last word), then by middle name(s) (tên đệm),
then by family name (họ). Letters follow the Vietnamese alphabet, where ă and â come after a,
đ after d, ê after e, ô and ơ after o, ư after u: "Ân" sorts after "Anh" ("a" < "â" at the
first letter), "Đức" after "Dũng". Tone marks only break ties between words spelled with the
same letters, in the dictionary order: no mark, huyền, hỏi, ngã, sắc, nặng (Hà < Hả < Hã < Há
< Hạ). Each word is compared whole (letters, then tones) before the next is looked at, so all
the "Anh" come before the first "Ánh". Capital and small letters are the same letter.
"""

import unicodedata

ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxy"
# Letters outside the Vietnamese alphabet (f, j, w, z in foreign names) sort after y, in Latin
# order; anything else after them.
_RANK = {letter: i for i, letter in enumerate(ALPHABET + "fjwz")}
_OTHER = len(_RANK)

# Combining marks that make a letter of its own (breve, circumflex, horn) and those that mark
# the tone (grave, hook above, tilde, acute, dot below), in dictionary order.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def _word_key(word: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(letters, tones) of one word: the letters' ranks, then each letter's tone."""
    letters: list[int] = []
    tones: list[int] = []
    for char in word.lower():
        base, tone = "", 0
        for part in unicodedata.normalize("NFD", char):
            if part in _TONES:
                tone = _TONES[part]
            else:
                base += part
        letter = unicodedata.normalize("NFC", base)
        if any(mark in base for mark in _LETTER_MARKS) and letter not in _RANK:
            letter = base[0]
        letters.append(_RANK.get(letter, _OTHER + ord(letter[0]) if letter else _OTHER))
        tones.append(tone)
    return tuple(letters), tuple(tones)


def name_order(full_name: str) -> tuple:
    """The sort key of a full name: given name first, then middle names, then family name."""
    words = unicodedata.normalize("NFC", full_name).split()
    if not words:
        return ((), full_name)
    ordered = [words[-1], *words[1:-1], words[0]] if len(words) > 1 else words
    return (tuple(_word_key(word) for word in ordered), full_name)


def sorted_names(names: list[str]) -> list[str]:
    return sorted(names, key=name_order)
