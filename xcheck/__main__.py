from xcheck.cli import main

main()
