# -*- coding: utf-8 -*-
# 3.12 traceback carets are drawn in characters, while code positions are UTF-8 byte offsets:
# non-ASCII text before or inside the failing expression must not shift the markers.
from __future__ import print_function
import traceback


def subscript():
    d = {"é": 1, "x": 2}
    return d["é"] + d["ü"]


def attribute():
    s = "日本語"
    return len(s) + s.nope


def binop():
    label = "größe"
    return len(label) + (None)


for fn in (subscript, attribute, binop):
    try:
        fn()
    except Exception as e:
        print(type(e).__name__)
        traceback.print_exc()

subscript()
