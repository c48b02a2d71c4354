// Command stretchmatch scores stretch moves, plans the best set of moves and
// pairs mentees with mentors outside their reporting line. Run
// "stretchmatch --help" for the commands.
package main

import "os"

func main() { os.Exit(Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }
