using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace StreamLint.Tests.EndToEnd
{
    /// <summary>
    /// Writes a consumer project of a streaming library for the end-to-end builds: isolated from this repository's
    /// build files, restoring StreamLint from the packed package's feed into a private packages folder, and referencing
    /// the library assemblies the tests compile against by path (copied beside it), so restore fetches nothing else.
    /// </summary>
    internal static class LibraryConsumerProject
    {
        /// <param name="work">The folder that holds the project, its packages folder and its isolation files.</param>
        /// <param name="libraries">A type of each library assembly to reference.</param>
        public static void Write(
            string work,
            string projectDirectory,
            string packagesDirectory,
            PackedPackageFixture package,
            IEnumerable<Type> libraries,
            string fileName,
            string source)
        {
            Directory.CreateDirectory(projectDirectory);
            Directory.CreateDirectory(packagesDirectory);

            string libDirectory = Path.Combine(work, "lib");
            Directory.CreateDirectory(libDirectory);
            var references = new StringBuilder();
            foreach (Type type in libraries)
            {
                string assembly = type.Assembly.Location;
                string copy = Path.Combine(libDirectory, Path.GetFileName(assembly));
                File.Copy(assembly, copy, overwrite: true);
                references.Append($@"    <Reference Include=""{Path.GetFileNameWithoutExtension(assembly)}"">
      <HintPath>{Escape(copy)}</HintPath>
    </Reference>
");
            }

            File.WriteAllText(Path.Combine(work, "Directory.Build.props"), "<Project />\n");
            File.WriteAllText(Path.Combine(work, "Directory.Build.targets"), "<Project />\n");
            File.WriteAllText(Path.Combine(work, "Directory.Packages.props"), "<Project />\n");
            File.WriteAllText(Path.Combine(work, "nuget.config"), $@"<?xml version=""1.0"" encoding=""utf-8""?>
<configuration>
  <packageSources>
    <add key=""streamlint-e2e"" value=""{Escape(package.FeedDirectory)}"" />
  </packageSources>
</configuration>
");
            File.WriteAllText(Path.Combine(work, ".editorconfig"), "root = true\n");
            File.WriteAllText(Path.Combine(projectDirectory, "Consumer.csproj"), $@"<Project Sdk=""Microsoft.NET.Sdk"">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <RestorePackagesPath>{Escape(packagesDirectory)}</RestorePackagesPath>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include=""StreamLint"" Version=""{package.Version}"" PrivateAssets=""all"" />
{references}  </ItemGroup>
</Project>
");
            File.WriteAllText(Path.Combine(projectDirectory, fileName), source);
        }

        private static string Escape(string text) => System.Security.SecurityElement.Escape(text) ?? text;
    }
}
