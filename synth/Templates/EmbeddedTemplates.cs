using System.Reflection;
using Scriban;

namespace StudentRecords.Synth.Templates;

/// <summary>The Scriban templates in this folder, embedded in the synth assembly (see Synth.csproj).</summary>
public static class EmbeddedTemplates
{
    public static Template Load(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"template {name} is not embedded");
        using var reader = new StreamReader(stream);
        var template = Template.Parse(reader.ReadToEnd(), name);
        if (template.HasErrors) throw new InvalidOperationException($"{name}: {string.Join("; ", template.Messages)}");
        return template;
    }
}
