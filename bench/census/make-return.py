#!/usr/bin/env python3
"""Writes a census return of N children for the validation benchmark: the
children of a sample return (../shared/census/fake_CIN_data.xml) repeated,
each copy with its own LAchildID and UPN, under the sample's header.

    bench/census/make-return.py SAMPLE.xml N OUT.xml
"""
import re
import sys

sample, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
text = open(sample, encoding="utf-8").read()
head, rest = text.split("<Children>", 1)
body, tail = rest.rsplit("</Children>", 1)
children = re.findall(r"<Child>.*?</Child>", body, flags=re.S)
with open(out, "w", encoding="utf-8") as f:
    f.write(head + "<Children>\n")
    for i in range(n):
        child = children[i % len(children)]
        child = re.sub(r"<LAchildID>[^<]*</LAchildID>", f"<LAchildID>B{i:09d}</LAchildID>", child)
        child = re.sub(r"<UPN>[^<]*</UPN>", f"<UPN>A{i:012d}</UPN>", child)
        f.write("    " + child + "\n")
    f.write("</Children>" + tail)
