// Entry point of the `briefings` command. Commands live in Commands/, one file each.
return Briefings.Cli.CommandLine.Run(args);
