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
