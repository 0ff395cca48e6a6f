from exponav.cli.commands import main

raise SystemExit(main())
