from exponav.cli import main

raise SystemExit(main())
