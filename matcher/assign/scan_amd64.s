#include "textflag.h"

// The vector kernels of the dense row scan. None has a branch that
// depends on the data in its main loop except on a hit of tiesAVX*, so
// that the scattered marked columns of a long search cost no
// mispredictions. A marked column has flag 2.

// func relaxAVX2(row, v, d *float64, pred *int32, flag *uint8, n int, hh float64, i int32, sign float64) (best float64)
//
// For every column not marked, r = sign·row - v + hh replaces d (and i
// replaces pred) when r < d. It returns the smallest d over the columns
// not marked, +Inf if there is none. Registers: SI row, DI v, R8 d,
// R9 pred, R10 flag, CX n, DX j, Y0 hh, Y1 running minimum, X7 i in every
// lane, Y14 sign, Y15 the flag of a marked column in every lane.
TEXT ·relaxAVX2(SB), NOSPLIT, $0-80
	MOVQ row+0(FP), SI
	MOVQ v+8(FP), DI
	MOVQ d+16(FP), R8
	MOVQ pred+24(FP), R9
	MOVQ flag+32(FP), R10
	MOVQ n+40(FP), CX
	VBROADCASTSD hh+48(FP), Y0
	VBROADCASTSD sign+64(FP), Y14
	MOVQ $0x7FF0000000000000, R13
	MOVQ R13, X1
	VBROADCASTSD X1, Y1
	MOVL i+56(FP), R13
	MOVQ R13, X7
	VPBROADCASTD X7, X7
	MOVQ $2, R13
	MOVQ R13, X15
	VPBROADCASTQ X15, Y15
	XORQ DX, DX
	CMPQ DX, CX
	JGE relax2done
	PCALIGN $64

relax2loop:
	VMULPD (SI)(DX*8), Y14, Y2
	VSUBPD (DI)(DX*8), Y2, Y2
	VADDPD Y0, Y2, Y2
	VPMOVZXBQ (R10)(DX*1), Y3
	VPCMPEQQ Y15, Y3, Y3
	// A marked column gets r = NaN: no comparison holds.
	VORPD Y3, Y2, Y2
	VMOVUPD (R8)(DX*8), Y4
	VCMPPD $1, Y4, Y2, Y5
	VBLENDVPD Y5, Y2, Y4, Y4
	VMOVUPD Y4, (R8)(DX*8)
	// The four comparison results narrowed to 32-bit lanes select i.
	VEXTRACTF128 $1, Y5, X6
	VSHUFPS $0x88, X6, X5, X6
	VMOVDQU (R9)(DX*4), X8
	VBLENDVPS X6, X7, X8, X8
	VMOVDQU X8, (R9)(DX*4)
	VORPD Y3, Y4, Y4
	VMINPD Y1, Y4, Y1
	ADDQ $4, DX
	CMPQ DX, CX
	JLT relax2loop

relax2done:
	VEXTRACTF128 $1, Y1, X2
	VMINPD X1, X2, X1
	VPERMILPD $1, X1, X2
	VMINSD X1, X2, X1
	MOVSD X1, best+72(FP)
	VZEROUPPER
	RET

// func relaxAVX512(row, v, d *float64, pred *int32, flag *uint8, n int, hh float64, i int32, sign float64) (best float64)
//
// relaxAVX2 with eight columns at a time; the columns not marked are the
// mask K1, those that improve K2. Registers as in relaxAVX2, on Z.
TEXT ·relaxAVX512(SB), NOSPLIT, $0-80
	MOVQ row+0(FP), SI
	MOVQ v+8(FP), DI
	MOVQ d+16(FP), R8
	MOVQ pred+24(FP), R9
	MOVQ flag+32(FP), R10
	MOVQ n+40(FP), CX
	VBROADCASTSD hh+48(FP), Z0
	VBROADCASTSD sign+64(FP), Z14
	MOVQ $0x7FF0000000000000, R13
	VPBROADCASTQ R13, Z1
	MOVL i+56(FP), R13
	VPBROADCASTD R13, Y7
	MOVQ $2, R13
	VPBROADCASTQ R13, Z15
	XORQ DX, DX
	CMPQ DX, CX
	JGE relax5done
	PCALIGN $64

relax5loop:
	VMULPD (SI)(DX*8), Z14, Z2
	VSUBPD (DI)(DX*8), Z2, Z2
	VADDPD Z0, Z2, Z2
	VPMOVZXBQ (R10)(DX*1), Z3
	VPCMPQ $4, Z15, Z3, K1
	VMOVUPD (R8)(DX*8), Z4
	VCMPPD $1, Z4, Z2, K1, K2
	VMOVUPD Z2, K2, (R8)(DX*8)
	VMOVDQU32 Y7, K2, (R9)(DX*4)
	VMINPD Z2, Z4, Z5
	VMINPD Z5, Z1, K1, Z1
	ADDQ $8, DX
	CMPQ DX, CX
	JLT relax5loop

relax5done:
	VEXTRACTF64X4 $1, Z1, Y2
	VMINPD Y2, Y1, Y1
	VEXTRACTF128 $1, Y1, X2
	VMINPD X1, X2, X1
	VPERMILPD $1, X1, X2
	VMINSD X1, X2, X1
	MOVSD X1, best+72(FP)
	VZEROUPPER
	RET

// func tiesAVX2(d *float64, flag *uint8, order *int32, n int, level float64) (k int, sink int)
//
// Marks every column not marked whose d is level, appends it to order and
// counts it; sink is the first of them with spare capacity (flag 1), or
// -1. Registers: SI d, R10 flag, DI order, CX n, DX j, Y0 level, Y15 the
// flag of a marked column, BX k, AX sink, R8 the mask of four columns.
TEXT ·tiesAVX2(SB), NOSPLIT, $0-56
	MOVQ d+0(FP), SI
	MOVQ flag+8(FP), R10
	MOVQ order+16(FP), DI
	MOVQ n+24(FP), CX
	VBROADCASTSD level+32(FP), Y0
	MOVQ $2, R13
	MOVQ R13, X15
	VPBROADCASTQ X15, Y15
	MOVQ $-1, AX
	XORQ BX, BX
	XORQ DX, DX
	CMPQ DX, CX
	JGE ties2done
	PCALIGN $32

ties2loop:
	VMOVUPD (SI)(DX*8), Y1
	VCMPPD $0, Y0, Y1, Y2
	VPMOVZXBQ (R10)(DX*1), Y3
	VPCMPEQQ Y15, Y3, Y3
	VANDNPD Y2, Y3, Y2
	VMOVMSKPD Y2, R8
	TESTQ R8, R8
	JNE ties2hit

ties2next:
	ADDQ $4, DX
	CMPQ DX, CX
	JLT ties2loop

ties2done:
	MOVQ BX, k+40(FP)
	MOVQ AX, sink+48(FP)
	VZEROUPPER
	RET

ties2hit:
	BSFQ R8, R9
	ADDQ DX, R9
	MOVBLZX (R10)(R9*1), R11
	MOVB $2, (R10)(R9*1)
	MOVL R9, (DI)(BX*4)
	INCQ BX
	CMPB R11B, $1
	JNE ties2clear
	CMPQ AX, $0
	JGE ties2clear
	MOVQ R9, AX

ties2clear:
	LEAQ -1(R8), R11
	ANDQ R11, R8
	JNE ties2hit
	JMP ties2next

// func tiesAVX512(d *float64, flag *uint8, order *int32, n int, level float64) (k int, sink int)
//
// tiesAVX2 with eight columns at a time.
TEXT ·tiesAVX512(SB), NOSPLIT, $0-56
	MOVQ d+0(FP), SI
	MOVQ flag+8(FP), R10
	MOVQ order+16(FP), DI
	MOVQ n+24(FP), CX
	VBROADCASTSD level+32(FP), Z0
	MOVQ $2, R13
	VPBROADCASTQ R13, Z15
	MOVQ $-1, AX
	XORQ BX, BX
	XORQ DX, DX
	CMPQ DX, CX
	JGE ties5done
	PCALIGN $32

ties5loop:
	VPMOVZXBQ (R10)(DX*1), Z3
	VPCMPQ $4, Z15, Z3, K1
	VCMPPD $0, (SI)(DX*8), Z0, K1, K2
	KMOVW K2, R8
	TESTQ R8, R8
	JNE ties5hit

ties5next:
	ADDQ $8, DX
	CMPQ DX, CX
	JLT ties5loop

ties5done:
	MOVQ BX, k+40(FP)
	MOVQ AX, sink+48(FP)
	VZEROUPPER
	RET

ties5hit:
	BSFQ R8, R9
	ADDQ DX, R9
	MOVBLZX (R10)(R9*1), R11
	MOVB $2, (R10)(R9*1)
	MOVL R9, (DI)(BX*4)
	INCQ BX
	CMPB R11B, $1
	JNE ties5clear
	CMPQ AX, $0
	JGE ties5clear
	MOVQ R9, AX

ties5clear:
	LEAQ -1(R8), R11
	ANDQ R11, R8
	JNE ties5hit
	JMP ties5next

// func cellsAVX2(cells *float64, n int, forbid float64) (allowed int, maxAbs float64, frac uint64, bad bool)
//
// scanCells on n values (a multiple of 4), four at a time: the number of
// finite values, their largest magnitude, the OR of the bits of their
// fractional parts, and whether some value is NaN or an infinity other
// than forbid (the caller then finds which). Registers: SI cells, CX n,
// DX k, Y13 the magnitude mask, Y12 MaxFloat64, Y11 forbid, Y1 largest
// magnitude, Y2 fractional bits, Y3 count (minus the all-ones masks),
// Y4 bad lanes.
TEXT ·cellsAVX2(SB), NOSPLIT, $0-49
	MOVQ cells+0(FP), SI
	MOVQ n+8(FP), CX
	VBROADCASTSD forbid+16(FP), Y11
	MOVQ $0x7FFFFFFFFFFFFFFF, R13
	MOVQ R13, X13
	VPBROADCASTQ X13, Y13
	MOVQ $0x7FEFFFFFFFFFFFFF, R13
	MOVQ R13, X12
	VPBROADCASTQ X12, Y12
	VPXOR Y1, Y1, Y1
	VPXOR Y2, Y2, Y2
	VPXOR Y3, Y3, Y3
	VPXOR Y4, Y4, Y4
	XORQ DX, DX
	CMPQ DX, CX
	JGE cells2done
	PCALIGN $32

cells2loop:
	VMOVUPD (SI)(DX*8), Y5
	VANDPD Y13, Y5, Y6
	// Finite: |c| <= MaxFloat64 (false for NaN).
	VCMPPD $2, Y12, Y6, Y7
	// Bad: not finite and c != forbid (true for NaN).
	VCMPPD $4, Y11, Y5, Y8
	VANDNPD Y8, Y7, Y8
	VORPD Y8, Y4, Y4
	VANDPD Y7, Y6, Y6
	VMAXPD Y6, Y1, Y1
	VROUNDPD $3, Y5, Y9
	VSUBPD Y9, Y5, Y9
	VANDPD Y7, Y9, Y9
	VORPD Y9, Y2, Y2
	VPSUBQ Y7, Y3, Y3
	ADDQ $4, DX
	CMPQ DX, CX
	JLT cells2loop

cells2done:
	VEXTRACTF128 $1, Y3, X5
	VPADDQ X5, X3, X3
	VPSHUFD $0x4E, X3, X5
	VPADDQ X5, X3, X3
	MOVQ X3, AX
	MOVQ AX, allowed+24(FP)
	VEXTRACTF128 $1, Y1, X5
	VMAXPD X5, X1, X1
	VPERMILPD $1, X1, X5
	VMAXSD X5, X1, X1
	MOVSD X1, maxAbs+32(FP)
	VEXTRACTF128 $1, Y2, X5
	VPOR X5, X2, X2
	VPSHUFD $0x4E, X2, X5
	VPOR X5, X2, X2
	MOVQ X2, AX
	MOVQ AX, frac+40(FP)
	VMOVMSKPD Y4, AX
	TESTQ AX, AX
	SETNE bad+48(FP)
	VZEROUPPER
	RET

// func cellsAVX512(cells *float64, n int, forbid float64) (allowed int, maxAbs float64, frac uint64, bad bool)
//
// cellsAVX2 with eight values at a time; the finite values are the mask
// K1, the bad ones are collected in K4.
TEXT ·cellsAVX512(SB), NOSPLIT, $0-49
	MOVQ cells+0(FP), SI
	MOVQ n+8(FP), CX
	VBROADCASTSD forbid+16(FP), Z11
	MOVQ $0x7FFFFFFFFFFFFFFF, R13
	VPBROADCASTQ R13, Z13
	MOVQ $0x7FEFFFFFFFFFFFFF, R13
	VPBROADCASTQ R13, Z12
	VPXORQ Z1, Z1, Z1
	VPXORQ Z2, Z2, Z2
	KXORW K4, K4, K4
	XORQ BX, BX
	XORQ DX, DX
	CMPQ DX, CX
	JGE cells5done
	PCALIGN $32

cells5loop:
	VMOVUPD (SI)(DX*8), Z5
	VPANDQ Z13, Z5, Z6
	VCMPPD $2, Z12, Z6, K1
	VCMPPD $4, Z11, Z5, K2
	KANDNW K2, K1, K3
	KORW K3, K4, K4
	VMAXPD Z6, Z1, K1, Z1
	VRNDSCALEPD $3, Z5, Z9
	VSUBPD Z9, Z5, Z9
	VPORQ Z9, Z2, K1, Z2
	KMOVW K1, R8
	POPCNTL R8, R8
	ADDQ R8, BX
	ADDQ $8, DX
	CMPQ DX, CX
	JLT cells5loop

cells5done:
	MOVQ BX, allowed+24(FP)
	VEXTRACTF64X4 $1, Z1, Y5
	VMAXPD Y5, Y1, Y1
	VEXTRACTF128 $1, Y1, X5
	VMAXPD X5, X1, X1
	VPERMILPD $1, X1, X5
	VMAXSD X5, X1, X1
	MOVSD X1, maxAbs+32(FP)
	VEXTRACTI64X4 $1, Z2, Y5
	VPOR Y5, Y2, Y2
	VEXTRACTF128 $1, Y2, X5
	VPOR X5, X2, X2
	VPSHUFD $0x4E, X2, X5
	VPOR X5, X2, X2
	MOVQ X2, AX
	MOVQ AX, frac+40(FP)
	KMOVW K4, AX
	TESTQ AX, AX
	SETNE bad+48(FP)
	VZEROUPPER
	RET

// func min2AVX2(row, v *float64, n int, sign float64, out *[16]float64)
//
// The two smallest values of h = sign·row - v in each of four lanes (the
// columns j ≡ lane mod 4) over n columns (a multiple of 4): out[0:4] the
// smallest, out[8:12] the second smallest, with multiplicity.
// Registers: SI row, DI v, CX n, DX j, Y14 sign, Y1 smallest, Y2 second.
TEXT ·min2AVX2(SB), NOSPLIT, $0-40
	MOVQ row+0(FP), SI
	MOVQ v+8(FP), DI
	MOVQ n+16(FP), CX
	VBROADCASTSD sign+24(FP), Y14
	MOVQ out+32(FP), R8
	MOVQ $0x7FF0000000000000, R13
	MOVQ R13, X1
	VBROADCASTSD X1, Y1
	VMOVAPD Y1, Y2
	XORQ DX, DX
	CMPQ DX, CX
	JGE min22done
	PCALIGN $32

min22loop:
	VMULPD (SI)(DX*8), Y14, Y3
	VSUBPD (DI)(DX*8), Y3, Y3
	VMAXPD Y3, Y1, Y4
	VMINPD Y4, Y2, Y2
	VMINPD Y3, Y1, Y1
	ADDQ $4, DX
	CMPQ DX, CX
	JLT min22loop

min22done:
	VMOVUPD Y1, (R8)
	VMOVUPD Y2, 64(R8)
	VZEROUPPER
	RET

// func min2AVX512(row, v *float64, n int, sign float64, out *[16]float64)
//
// min2AVX2 with eight lanes: out[0:8] and out[8:16].
TEXT ·min2AVX512(SB), NOSPLIT, $0-40
	MOVQ row+0(FP), SI
	MOVQ v+8(FP), DI
	MOVQ n+16(FP), CX
	VBROADCASTSD sign+24(FP), Z14
	MOVQ out+32(FP), R8
	MOVQ $0x7FF0000000000000, R13
	VPBROADCASTQ R13, Z1
	VMOVAPD Z1, Z2
	XORQ DX, DX
	CMPQ DX, CX
	JGE min25done
	PCALIGN $32

min25loop:
	VMULPD (SI)(DX*8), Z14, Z3
	VSUBPD (DI)(DX*8), Z3, Z3
	VMAXPD Z3, Z1, Z4
	VMINPD Z4, Z2, Z2
	VMINPD Z3, Z1, Z1
	ADDQ $8, DX
	CMPQ DX, CX
	JLT min25loop

min25done:
	VMOVUPD Z1, (R8)
	VMOVUPD Z2, 64(R8)
	VZEROUPPER
	RET

// func findAVX2(row, v *float64, flag *uint8, n int, sign, val float64) (first, second, spare int)
//
// The first two columns among n (a multiple of 4) where h = sign·row - v
// equals val, and the first of them with spare capacity (flag 1); -1 for
// each not found. It stops once all three are known. Registers: SI row,
// DI v, R10 flag, CX n, DX j, Y14 sign, Y0 val, AX first, BX second,
// R12 spare, R8 the mask of four columns.
TEXT ·findAVX2(SB), NOSPLIT, $0-72
	MOVQ row+0(FP), SI
	MOVQ v+8(FP), DI
	MOVQ flag+16(FP), R10
	MOVQ n+24(FP), CX
	VBROADCASTSD sign+32(FP), Y14
	VBROADCASTSD val+40(FP), Y0
	MOVQ $-1, AX
	MOVQ $-1, BX
	MOVQ $-1, R12
	XORQ DX, DX
	CMPQ DX, CX
	JGE find2done
	PCALIGN $32

find2loop:
	VMULPD (SI)(DX*8), Y14, Y3
	VSUBPD (DI)(DX*8), Y3, Y3
	VCMPPD $0, Y0, Y3, Y3
	VMOVMSKPD Y3, R8
	TESTQ R8, R8
	JNE find2hit

find2next:
	ADDQ $4, DX
	CMPQ DX, CX
	JLT find2loop

find2done:
	MOVQ AX, first+48(FP)
	MOVQ BX, second+56(FP)
	MOVQ R12, spare+64(FP)
	VZEROUPPER
	RET

find2hit:
	BSFQ R8, R9
	ADDQ DX, R9
	CMPQ AX, $0
	JGE find2second
	MOVQ R9, AX
	JMP find2spare

find2second:
	CMPQ BX, $0
	JGE find2spare
	MOVQ R9, BX

find2spare:
	CMPQ R12, $0
	JGE find2clear
	MOVBLZX (R10)(R9*1), R11
	CMPB R11B, $1
	JNE find2clear
	MOVQ R9, R12

find2clear:
	CMPQ BX, $0
	JL find2more
	CMPQ R12, $0
	JGE find2done

find2more:
	LEAQ -1(R8), R11
	ANDQ R11, R8
	JNE find2hit
	JMP find2next

// func findAVX512(row, v *float64, flag *uint8, n int, sign, val float64) (first, second, spare int)
//
// findAVX2 with eight columns at a time.
TEXT ·findAVX512(SB), NOSPLIT, $0-72
	MOVQ row+0(FP), SI
	MOVQ v+8(FP), DI
	MOVQ flag+16(FP), R10
	MOVQ n+24(FP), CX
	VBROADCASTSD sign+32(FP), Z14
	VBROADCASTSD val+40(FP), Z0
	MOVQ $-1, AX
	MOVQ $-1, BX
	MOVQ $-1, R12
	XORQ DX, DX
	CMPQ DX, CX
	JGE find5done
	PCALIGN $32

find5loop:
	VMULPD (SI)(DX*8), Z14, Z3
	VSUBPD (DI)(DX*8), Z3, Z3
	VCMPPD $0, Z0, Z3, K1
	KMOVW K1, R8
	TESTQ R8, R8
	JNE find5hit

find5next:
	ADDQ $8, DX
	CMPQ DX, CX
	JLT find5loop

find5done:
	MOVQ AX, first+48(FP)
	MOVQ BX, second+56(FP)
	MOVQ R12, spare+64(FP)
	VZEROUPPER
	RET

find5hit:
	BSFQ R8, R9
	ADDQ DX, R9
	CMPQ AX, $0
	JGE find5second
	MOVQ R9, AX
	JMP find5spare

find5second:
	CMPQ BX, $0
	JGE find5spare
	MOVQ R9, BX

find5spare:
	CMPQ R12, $0
	JGE find5clear
	MOVBLZX (R10)(R9*1), R11
	CMPB R11B, $1
	JNE find5clear
	MOVQ R9, R12

find5clear:
	CMPQ BX, $0
	JL find5more
	CMPQ R12, $0
	JGE find5done

find5more:
	LEAQ -1(R8), R11
	ANDQ R11, R8
	JNE find5hit
	JMP find5next
