#include "textflag.h"

// func scanMin(row, v, d *float64, pred *int32, flag *uint8, n int, hh float64, i int32) (best float64, bj int32, bspare bool, ties int)
//
// The row scan of denseCore.scan for a minimization, written out so that
// the loop starts on a 64-byte boundary: its speed then does not depend on
// where the linker happens to place it. Registers: SI row, DI v, R8 d,
// R9 pred, R10 flag, CX n, DX j, R11 i, X0 hh, X1 best, AX bj, BX bspare,
// R12 ties.
TEXT ·scanMin(SB), NOSPLIT, $0-88
	MOVQ row+0(FP), SI
	MOVQ v+8(FP), DI
	MOVQ d+16(FP), R8
	MOVQ pred+24(FP), R9
	MOVQ flag+32(FP), R10
	MOVQ n+40(FP), CX
	MOVSD hh+48(FP), X0
	MOVL i+56(FP), R11
	MOVQ $0x7FF0000000000000, R14
	MOVQ R14, X1
	MOVQ $-1, AX
	XORQ BX, BX
	XORQ R12, R12
	XORQ DX, DX
	CMPQ DX, CX
	JGE done
	PCALIGN $64

loop:
	MOVBLZX (R10)(DX*1), R13
	CMPB R13B, $2
	JEQ next
	MOVSD (SI)(DX*8), X2
	SUBSD (DI)(DX*8), X2
	ADDSD X0, X2
	MOVSD (R8)(DX*8), X3
	UCOMISD X2, X3
	JHI update

keep:
	UCOMISD X3, X1
	JCC candidate

next:
	INCQ DX
	CMPQ DX, CX
	JLT loop

done:
	MOVSD X1, best+64(FP)
	MOVL AX, bj+72(FP)
	MOVB BX, bspare+76(FP)
	MOVQ R12, ties+80(FP)
	RET

// d[j] improves: r < d[j].
update:
	MOVSD X2, (R8)(DX*8)
	MOVL R11, (R9)(DX*4)
	MOVSD X2, X3
	JMP keep

// d[j] <= best.
candidate:
	JNE better
	INCQ R12
	TESTB BL, BL
	JNE next
	CMPB R13B, $1
	JNE next
	MOVQ DX, AX
	MOVL $1, BX
	JMP next

better:
	MOVSD X3, X1
	MOVQ DX, AX
	MOVQ $1, R12
	XORL BX, BX
	CMPB R13B, $1
	SETEQ BX
	JMP next

// func scanMinAVX2(row, v, d *float64, pred *int32, flag *uint8, n int, hh float64, i int32, sign float64) (best float64)
//
// The relaxing half of the row scan, four columns at a time, for n a
// multiple of 4: for every column not scanned (flag != 2), r = sign·row -
// v + hh replaces d (and i replaces pred) when r < d (sign is 1, or -1 for
// a maximization stored as scores). It returns the smallest d
// over the columns not scanned, +Inf if there is none; the caller then
// finds which columns hold it. No branch depends on the data, so that the
// scattered scanned columns of a long search cost no mispredictions.
// Registers: SI row, DI v, R8 d, R9 pred, R10 flag, CX n, DX j, Y0 hh,
// Y1 running minimum, X7 i in every lane, Y14 sign, Y15 the flag of a
// scanned column in every lane.
TEXT ·scanMinAVX2(SB), NOSPLIT, $0-80
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
	JGE avxdone
	PCALIGN $64

avxloop:
	VMULPD (SI)(DX*8), Y14, Y2
	VSUBPD (DI)(DX*8), Y2, Y2
	VADDPD Y0, Y2, Y2
	VPMOVZXBQ (R10)(DX*1), Y3
	VPCMPEQQ Y15, Y3, Y3
	VORPD Y3, Y2, Y2
	VMOVUPD (R8)(DX*8), Y4
	VCMPPD $1, Y4, Y2, Y5
	VBLENDVPD Y5, Y2, Y4, Y4
	VMOVUPD Y4, (R8)(DX*8)
	VEXTRACTF128 $1, Y5, X6
	VSHUFPS $0x88, X6, X5, X6
	VPMASKMOVD X7, X6, (R9)(DX*4)
	VORPD Y3, Y4, Y4
	VMINPD Y1, Y4, Y1
	ADDQ $4, DX
	CMPQ DX, CX
	JLT avxloop

avxdone:
	VEXTRACTF128 $1, Y1, X2
	VMINPD X1, X2, X1
	VPERMILPD $1, X1, X2
	VMINSD X1, X2, X1
	MOVSD X1, best+72(FP)
	VZEROUPPER
	RET

// func pickMinAVX2(d *float64, flag *uint8, n int, best float64) (bj int, bspare bool, ties int)
//
// The picking half of the row scan, four columns at a time, for n a
// multiple of 4: among the columns not scanned whose distance is best, it
// counts them and returns the first with spare capacity (flag 1), else the
// first (-1 when there is none). Registers: SI d, R10 flag, CX n, DX j,
// Y0 best, Y15 the flag of a scanned column, AX bj, BX bspare, R12 ties,
// R8 the mask of the four columns.
TEXT ·pickMinAVX2(SB), NOSPLIT, $0-56
	MOVQ d+0(FP), SI
	MOVQ flag+8(FP), R10
	MOVQ n+16(FP), CX
	VBROADCASTSD best+24(FP), Y0
	MOVQ $2, R13
	MOVQ R13, X15
	VPBROADCASTQ X15, Y15
	MOVQ $-1, AX
	XORQ BX, BX
	XORQ R12, R12
	XORQ DX, DX
	CMPQ DX, CX
	JGE pickdone
	PCALIGN $32

pickloop:
	VMOVUPD (SI)(DX*8), Y1
	VCMPPD $0, Y0, Y1, Y2
	VPMOVZXBQ (R10)(DX*1), Y3
	VPCMPEQQ Y15, Y3, Y3
	VANDNPD Y2, Y3, Y2
	VMOVMSKPD Y2, R8
	TESTQ R8, R8
	JNE pickhit

picknext:
	ADDQ $4, DX
	CMPQ DX, CX
	JLT pickloop

pickdone:
	MOVQ AX, bj+32(FP)
	MOVB BX, bspare+40(FP)
	MOVQ R12, ties+48(FP)
	VZEROUPPER
	RET

// Some of the four columns hold best: count them, then look at each until
// a column with spare capacity has been chosen.
pickhit:
	POPCNTQ R8, R9
	ADDQ R9, R12

pickbit:
	TESTB BX, BX
	JNE picknext
	TESTQ R8, R8
	JEQ picknext
	BSFQ R8, R9
	ADDQ DX, R9
	MOVBLZX (R10)(R9*1), R11
	CMPB R11B, $1
	JNE pickfull
	MOVQ R9, AX
	MOVL $1, BX
	JMP picknext

pickfull:
	CMPQ AX, $0
	JGE pickclear
	MOVQ R9, AX

pickclear:
	LEAQ -1(R8), R11
	ANDQ R11, R8
	JMP pickbit
