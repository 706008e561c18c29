#!/usr/bin/env bash
# Writes Resources/sample.bin: a small made-up binary format ("HXMP") that shows
# every kind of byte hexmap colours: a header with little-endian fields, a text
# section, zero padding, a table of numbers, every byte value once, a trailer.
# Deterministic: the same bytes on every run.  Usage: make-sample.sh [OUTPUT]
set -euo pipefail
out="${1:-$(dirname "$0")/sample.bin}"

u8() { printf "\\x$(printf %02x $(($1 & 255)))"; }
le16() { u8 "$1"; u8 $(($1 >> 8)); }
le32() { le16 $(($1 & 65535)); le16 $((($1 >> 16) & 65535)); }
zeros() { head -c "$1" /dev/zero; }

text='hexmap sample file
==================
This is a made-up binary format, so there is something worth looking at:
a header, this text, zero padding, a table of numbers and every byte value.
Try: w/b to jump by groups, Tab to switch panes, /"table" to search,
R to overwrite (Esc to stop), u to undo, :info, :help, :q to quit.
'
text_offset=64
text_length=${#text}
table_offset=512
table_entries=64
bytes_offset=$((table_offset + table_entries * 8))

{
    # Header: magic, version, flags, section offsets and sizes (64 bytes).
    printf 'HXMP\r\n\032\n'          # 8-byte magic, PNG-style line-ending traps
    le16 1; le16 0x0003               # version, flags
    le32 "$text_offset"; le32 "$text_length"
    le32 "$table_offset"; le32 "$table_entries"
    le32 "$bytes_offset"; le32 256
    le32 0xdeadbeef                   # a checksum-looking field
    le32 1764201600                   # a timestamp (2025-11-27)
    zeros $((64 - 8 - 4 - 32))

    printf '%s' "$text"
    zeros $((table_offset - text_offset - text_length))

    # Table: index (u32) and the index-th Fibonacci number mod 2^32 (u32).
    a=0 b=1
    for ((i = 0; i < table_entries; i++)); do
        le32 "$i"; le32 "$a"
        next=$(((a + b) & 0xffffffff)); a=$b; b=$next
    done

    # Every byte value once, 0x00 to 0xff.
    for ((i = 0; i < 256; i++)); do u8 "$i"; done

    printf 'END\0'
} >"$out"
echo "wrote $out ($(wc -c <"$out") bytes)"
