// Entry point of the `briefings` command. Commands live in Commands/, one file each.
// On Linux, Skia's fontconfig build where fontconfig is installed: a first chart then starts without a font scan.
Briefings.Figures.SkiaLibrary.PreferFontconfig();
return Briefings.Cli.CommandLine.Run(args);
