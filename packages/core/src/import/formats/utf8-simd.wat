;; The UTF-8 check of utf8-scan.ts (scanUtf8WithoutNul), 16 bytes at a time with WebAssembly SIMD: the
;; lookup-table validation of Keiser and Lemire ("Validating UTF-8 in less than one instruction per byte",
;; 2021; simdjson's), plus what the scan notes on its way: NUL bytes (invalid), line feeds (lines longer
;; than a limit; whether each follows a carriage return), a carriage return before anything else, a double
;; quote, and a space character (Unicode Zs) at a cell's edge.
;; Compiled by scripts/build-utf8-simd.mjs into utf8-simd-module.ts; the scalar scan stays the reference
;; (utf8-simd.test.ts compares both on random bytes).
;;
;; Memory: [0, 1024) the long lines found ([start, end) pairs of i32, offsets relative to DATA); DATA - 16
;; to DATA the 16 bytes before the piece (line feeds at the start of a file: a border, and ASCII); the piece
;; from DATA on; from LFS (page 17) every line feed's offset (i32, relative to DATA), for the first cells
;; of the lines (first-cells.ts): the JS search for them cost more than the whole check otherwise.
(module
  (memory (export "memory") 20)
  (global $DATA i32 (i32.const 1024))
  (global $LFS i32 (i32.const 1114112))
  ;; line feeds noted in this call (at most 49,152 - 16: a block holds 16)
  (global $lfs (export "lfs") (mut i32) (i32.const 0))
  ;; out: where the current line starts (relative to DATA), long lines noted, flags (1 edge space, 2 quote,
  ;; 4 a line feed after a carriage return, 8 a line feed after anything else, 16 a carriage return before
  ;; anything but a line feed)
  (global $line (export "line") (mut i32) (i32.const 0))
  (global $count (export "count") (mut i32) (i32.const 0))
  (global $flags (export "flags") (mut i32) (i32.const 0))

  ;; a byte that may border a cell: tab, line feed, carriage return, quote, comma, semicolon, bar
  (func $border (param $v v128) (result v128)
    (v128.or
      (v128.or
        (v128.or (i8x16.eq (local.get $v) (v128.const i8x16 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9 9))
                 (i8x16.eq (local.get $v) (v128.const i8x16 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10)))
        (v128.or (i8x16.eq (local.get $v) (v128.const i8x16 13 13 13 13 13 13 13 13 13 13 13 13 13 13 13 13))
                 (i8x16.eq (local.get $v) (v128.const i8x16 34 34 34 34 34 34 34 34 34 34 34 34 34 34 34 34))))
      (v128.or
        (v128.or (i8x16.eq (local.get $v) (v128.const i8x16 44 44 44 44 44 44 44 44 44 44 44 44 44 44 44 44))
                 (i8x16.eq (local.get $v) (v128.const i8x16 59 59 59 59 59 59 59 59 59 59 59 59 59 59 59 59)))
        (i8x16.eq (local.get $v) (v128.const i8x16 124 124 124 124 124 124 124 124 124 124 124 124 124 124 124 124)))))

  (func $isBorder (param $b i32) (result i32)
    (i32.or
      (i32.or (i32.or (i32.eq (local.get $b) (i32.const 9)) (i32.eq (local.get $b) (i32.const 10)))
              (i32.or (i32.eq (local.get $b) (i32.const 13)) (i32.eq (local.get $b) (i32.const 34))))
      (i32.or (i32.or (i32.eq (local.get $b) (i32.const 44)) (i32.eq (local.get $b) (i32.const 59)))
              (i32.eq (local.get $b) (i32.const 124)))))

  ;; Whether the lead byte at $q starts a multi-byte Zs character (U+00A0, U+1680, U+2000–200A, U+202F,
  ;; U+205F, U+3000) with a cell border (or the start of the file) on either side.
  (func $zsAtEdge (param $q i32) (result i32)
    (local $c i32) (local $c1 i32) (local $c2 i32) (local $len i32)
    (local.set $c (i32.load8_u (local.get $q)))
    (local.set $c1 (i32.load8_u offset=1 (local.get $q)))
    (local.set $c2 (i32.load8_u offset=2 (local.get $q)))
    (if (i32.and (i32.eq (local.get $c) (i32.const 0xc2)) (i32.eq (local.get $c1) (i32.const 0xa0)))
      (then (local.set $len (i32.const 2))))
    (if (i32.or
          (i32.or
            (i32.and (i32.eq (local.get $c) (i32.const 0xe1))
              (i32.and (i32.eq (local.get $c1) (i32.const 0x9a)) (i32.eq (local.get $c2) (i32.const 0x80))))
            (i32.and (i32.eq (local.get $c) (i32.const 0xe2))
              (i32.and (i32.eq (local.get $c1) (i32.const 0x80))
                (i32.or (i32.le_u (local.get $c2) (i32.const 0x8a)) (i32.eq (local.get $c2) (i32.const 0xaf))))))
          (i32.or
            (i32.and (i32.eq (local.get $c) (i32.const 0xe2))
              (i32.and (i32.eq (local.get $c1) (i32.const 0x81)) (i32.eq (local.get $c2) (i32.const 0x9f))))
            (i32.and (i32.eq (local.get $c) (i32.const 0xe3))
              (i32.and (i32.eq (local.get $c1) (i32.const 0x80)) (i32.eq (local.get $c2) (i32.const 0x80))))))
      (then (local.set $len (i32.const 3))))
    (if (i32.eqz (local.get $len)) (then (return (i32.const 0))))
    (i32.or
      (call $isBorder (i32.load8_u (i32.sub (local.get $q) (i32.const 1))))
      (call $isBorder (i32.load8_u (i32.add (local.get $q) (local.get $len))))))

  ;; Scans the piece of $n bytes at DATA in blocks of 16, as long as 4 bytes follow a block (a sequence
  ;; or a space's right neighbour may run on). $line: where the current line starts, relative to DATA;
  ;; $limit: the longest line allowed; $flags: what is known already (1 edge space, 2 quote, 8 a bare line
  ;; feed: not looked for again). Returns the bytes scanned (a multiple of 16; the last sequence may be unfinished), or -1
  ;; for invalid UTF-8 or a NUL byte. Stops early once 100 long lines or 49,136 line feeds are noted.
  (func (export "scan") (param $n i32) (param $line i32) (param $limit i32) (param $flags i32) (result i32)
    (local $p i32) (local $end i32) (local $in v128) (local $p1 v128) (local $p2 v128) (local $p3 v128)
    (local $m i32) (local $bit i32) (local $at i32) (local $err v128) (local $s v128)
    (global.set $line (local.get $line))
    (global.set $flags (local.get $flags))
    (global.set $count (i32.const 0))
    (global.set $lfs (i32.const 0))
    (local.set $p (global.get $DATA))
    (local.set $end (i32.sub (i32.add (global.get $DATA) (local.get $n)) (i32.const 20)))
    (block $done
      (loop $blocks
        (br_if $done (i32.gt_s (local.get $p) (local.get $end)))
        (br_if $done (i32.ge_u (global.get $count) (i32.const 100)))
        (br_if $done (i32.ge_u (global.get $lfs) (i32.const 49136)))
        (local.set $in (v128.load (local.get $p)))
        (local.set $p3 (v128.load (i32.sub (local.get $p) (i32.const 3))))
        ;; NUL bytes are invalid here (a CSV never holds one).
        (local.set $err (i8x16.eq (local.get $in) (v128.const i64x2 0 0)))
        ;; Validity, unless the block and the three bytes before it are ASCII.
        (if (v128.any_true (v128.and (v128.or (local.get $in) (local.get $p3))
                                     (v128.const i8x16 0x80 0x80 0x80 0x80 0x80 0x80 0x80 0x80 0x80 0x80 0x80 0x80 0x80 0x80 0x80 0x80)))
          (then
            (local.set $p1 (v128.load (i32.sub (local.get $p) (i32.const 1))))
            (local.set $p2 (v128.load (i32.sub (local.get $p) (i32.const 2))))
            (local.set $err (v128.or (local.get $err)
              (v128.xor
                ;; must be the 2nd or 3rd continuation byte of a 3- or 4-byte sequence (high bit)
                (v128.and
                  (v128.or (i8x16.sub_sat_u (local.get $p2) (v128.const i8x16 0x60 0x60 0x60 0x60 0x60 0x60 0x60 0x60 0x60 0x60 0x60 0x60 0x60 0x60 0x60 0x60))
                           (i8x16.sub_sat_u (local.get $p3) (v128.const i8x16 0x70 0x70 0x70 0x70 0x70 0x70 0x70 0x70 0x70 0x70 0x70 0x70 0x70 0x70 0x70 0x70)))
                  (v128.const i8x16 0x80 0x80 0x80 0x80 0x80 0x80 0x80 0x80 0x80 0x80 0x80 0x80 0x80 0x80 0x80 0x80))
                ;; the special cases of a byte pair: previous byte's high and low nibble, this byte's high nibble
                (v128.and
                  (v128.and
                    (i8x16.swizzle
                      (v128.const i8x16 0x02 0x02 0x02 0x02 0x02 0x02 0x02 0x02 0x80 0x80 0x80 0x80 0x21 0x01 0x15 0x49)
                      (i8x16.shr_u (local.get $p1) (i32.const 4)))
                    (i8x16.swizzle
                      (v128.const i8x16 0xe7 0xa3 0x83 0x83 0x8b 0xcb 0xcb 0xcb 0xcb 0xcb 0xcb 0xcb 0xcb 0xdb 0xcb 0xcb)
                      (v128.and (local.get $p1) (v128.const i8x16 15 15 15 15 15 15 15 15 15 15 15 15 15 15 15 15))))
                  (i8x16.swizzle
                    (v128.const i8x16 0x01 0x01 0x01 0x01 0x01 0x01 0x01 0x01 0xe6 0xae 0xba 0xba 0x01 0x01 0x01 0x01)
                    (i8x16.shr_u (local.get $in) (i32.const 4)))))))))
        (if (v128.any_true (local.get $err)) (then (return (i32.const -1))))
        ;; Line feeds: each noted, and a line longer than the limit.
        (local.set $m (i8x16.bitmask (i8x16.eq (local.get $in) (v128.const i8x16 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10))))
        (block $lines
          (loop $each
            (br_if $lines (i32.eqz (local.get $m)))
            (local.set $at (i32.add (i32.sub (local.get $p) (global.get $DATA)) (i32.ctz (local.get $m))))
            (i32.store (i32.add (global.get $LFS) (i32.shl (global.get $lfs) (i32.const 2))) (local.get $at))
            (global.set $lfs (i32.add (global.get $lfs) (i32.const 1)))
            ;; A LF after anything but a CR (the byte before a piece is in its 16 bytes of context)
            (if (i32.eqz (i32.and (global.get $flags) (i32.const 8)))
              (then
                (if (i32.ne (i32.load8_u (i32.add (global.get $DATA) (i32.sub (local.get $at) (i32.const 1)))) (i32.const 13))
                  (then (global.set $flags (i32.or (global.get $flags) (i32.const 8)))))))
            (if (i32.gt_s (i32.sub (local.get $at) (global.get $line)) (local.get $limit))
              (then
                (i32.store (i32.shl (global.get $count) (i32.const 3)) (global.get $line))
                (i32.store offset=4 (i32.shl (global.get $count) (i32.const 3)) (local.get $at))
                (global.set $count (i32.add (global.get $count) (i32.const 1)))))
            (global.set $line (i32.add (local.get $at) (i32.const 1)))
            (local.set $m (i32.and (local.get $m) (i32.sub (local.get $m) (i32.const 1))))
            (br $each)))
        ;; Carriage returns: each before a line feed (CR LF) or before anything else (the byte after the
        ;; block is in memory).
        (local.set $s (i8x16.eq (local.get $in) (v128.const i8x16 13 13 13 13 13 13 13 13 13 13 13 13 13 13 13 13)))
        (if (v128.any_true (local.get $s))
          (then
            (local.set $p1 (i8x16.eq (v128.load (i32.add (local.get $p) (i32.const 1)))
                                     (v128.const i8x16 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10 10)))
            (if (v128.any_true (v128.and (local.get $s) (local.get $p1)))
              (then (global.set $flags (i32.or (global.get $flags) (i32.const 4)))))
            (if (v128.any_true (v128.andnot (local.get $s) (local.get $p1)))
              (then (global.set $flags (i32.or (global.get $flags) (i32.const 16)))))))
        ;; A double quote.
        (if (i32.eqz (i32.and (global.get $flags) (i32.const 2)))
          (then
            (if (v128.any_true (i8x16.eq (local.get $in) (v128.const i8x16 34 34 34 34 34 34 34 34 34 34 34 34 34 34 34 34)))
              (then (global.set $flags (i32.or (global.get $flags) (i32.const 2)))))))
        ;; A space at a cell's edge: ASCII spaces by vector, the multi-byte ones (rare leads) one by one.
        (if (i32.eqz (i32.and (global.get $flags) (i32.const 1)))
          (then
            (local.set $s (i8x16.eq (local.get $in) (v128.const i8x16 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32 32)))
            (if (v128.any_true (local.get $s))
              (then
                (if (v128.any_true
                      (v128.and (local.get $s)
                        (v128.or (call $border (v128.load (i32.sub (local.get $p) (i32.const 1))))
                                 (call $border (v128.load (i32.add (local.get $p) (i32.const 1)))))))
                  (then (global.set $flags (i32.or (global.get $flags) (i32.const 1)))))))
            (local.set $m (i8x16.bitmask
              (v128.or
                (v128.or (i8x16.eq (local.get $in) (v128.const i8x16 0xc2 0xc2 0xc2 0xc2 0xc2 0xc2 0xc2 0xc2 0xc2 0xc2 0xc2 0xc2 0xc2 0xc2 0xc2 0xc2))
                         (i8x16.eq (local.get $in) (v128.const i8x16 0xe1 0xe1 0xe1 0xe1 0xe1 0xe1 0xe1 0xe1 0xe1 0xe1 0xe1 0xe1 0xe1 0xe1 0xe1 0xe1)))
                (v128.or (i8x16.eq (local.get $in) (v128.const i8x16 0xe2 0xe2 0xe2 0xe2 0xe2 0xe2 0xe2 0xe2 0xe2 0xe2 0xe2 0xe2 0xe2 0xe2 0xe2 0xe2))
                         (i8x16.eq (local.get $in) (v128.const i8x16 0xe3 0xe3 0xe3 0xe3 0xe3 0xe3 0xe3 0xe3 0xe3 0xe3 0xe3 0xe3 0xe3 0xe3 0xe3 0xe3))))))
            (block $leads
              (loop $lead
                (br_if $leads (i32.eqz (local.get $m)))
                (if (call $zsAtEdge (i32.add (local.get $p) (i32.ctz (local.get $m))))
                  (then (global.set $flags (i32.or (global.get $flags) (i32.const 1)))))
                (local.set $m (i32.and (local.get $m) (i32.sub (local.get $m) (i32.const 1))))
                (br $lead)))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $blocks)))
    (i32.sub (local.get $p) (global.get $DATA)))
)
