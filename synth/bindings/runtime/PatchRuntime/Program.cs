// Makes Amazon.JSII.Runtime's package faster, with the same answers:
// - its repeated reflection reads memoized: every call the runtime makes to one of the methods below
//   is pointed at its stand-in in StudentRecords.JsiiReflectionMemo.Memo, and that assembly travels
//   in the package beside it;
// - the jsii kernel run in one Node.js process instead of two (jsii-runtime.js says how).
// Nothing else changes. Each edit must find the number of sites given below, so a different runtime
// version fails here instead of being patched blind.
// usage: PatchRuntime <upstream .nupkg> <StudentRecords.JsiiReflectionMemo.dll> <new version> <output folder>
using System.IO.Compression;
using System.Xml.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;

if (args.Length != 4)
{
    Console.Error.WriteLine("usage: PatchRuntime <upstream .nupkg> <memo .dll> <new version> <output folder>");
    return 2;
}
var (upstream, memoPath, version, outputFolder) = (args[0], args[1], args[2], args[3]);

// method called (declaring type::name(parameter types)) -> its stand-in in Memo (the instance, if any, becomes
// the first parameter), and the call sites expected in Amazon.JSII.Runtime 1.140.0
var replacements = new Dictionary<string, (string StandIn, int Sites)>
{
    ["System.Type::GetInterfaceMap(System.Type)"] = ("GetInterfaceMap", 2),
    ["System.Reflection.CustomAttributeExtensions::GetCustomAttribute(System.Reflection.MemberInfo,System.Type,System.Boolean)"] = ("GetCustomAttribute", 1),
    ["System.Reflection.CustomAttributeExtensions::GetCustomAttribute<T>(System.Reflection.MemberInfo,System.Boolean)"] = ("GetCustomAttribute", 4),
    ["System.Reflection.CustomAttributeExtensions::GetCustomAttribute<T>(System.Reflection.MemberInfo)"] = ("GetCustomAttribute", 14),
    ["System.Reflection.Assembly::get_FullName()"] = ("FullName", 2),
    ["System.Reflection.Assembly::GetTypes()"] = ("JsiiTypes", 1), // TypeCache's scan of every loaded assembly
};

// string literal in the runtime's code -> its replacement (one site each)
var literals = new Dictionary<string, string>
{
    ["--max-old-space-size=4096 "] = "--max-old-space-size=4096 --preserve-symlinks ", // node's arguments; upstream's relay passed this to the kernel's process
};

// embedded resource (the JavaScript the runtime extracts and runs) -> its new text (one site each)
var resources = new Dictionary<string, Func<string, string>>
{
    ["Amazon.JSII.Runtime.jsii_runtime.bin.jsii-runtime.js"] = _ => EmbeddedText("jsii-runtime.js"),
    ["Amazon.JSII.Runtime.jsii_runtime.lib.program.js"] = text => ReplaceOnce(text, "readFD:3,writeFD:3", "readFD:0,writeFD:1"),
};

var work = Directory.CreateTempSubdirectory("patch-runtime-");
try
{
    ZipFile.ExtractToDirectory(upstream, work.FullName);
    File.Delete(Path.Combine(work.FullName, ".signature.p7s")); // the content changes, so upstream's signature no longer applies
    var runtimes = Directory.GetFiles(work.FullName, "Amazon.JSII.Runtime.dll", SearchOption.AllDirectories);
    if (runtimes.Length != 1) throw new InvalidOperationException($"expected one Amazon.JSII.Runtime.dll in {upstream}, found {runtimes.Length}");
    var runtime = runtimes[0];

    var found = Patch(runtime, memoPath, replacements, literals, resources);
    var expected = replacements.ToDictionary(r => r.Key, r => r.Value.Sites)
        .Concat(literals.Keys.Concat(resources.Keys).Select(k => KeyValuePair.Create(k, 1)));
    var unexpected = expected.Where(e => found[e.Key] != e.Value).Select(e => $"{e.Key}: expected {e.Value} site(s), found {found[e.Key]}").ToList();
    if (unexpected.Count > 0)
        throw new InvalidOperationException("The runtime changed; review the patch before updating the counts:\n  " + string.Join("\n  ", unexpected));
    File.Copy(memoPath, Path.Combine(Path.GetDirectoryName(runtime)!, Path.GetFileName(memoPath)));

    var nuspecPath = Directory.GetFiles(work.FullName, "*.nuspec").Single();
    var nuspec = XDocument.Load(nuspecPath);
    var ns = nuspec.Root!.GetDefaultNamespace();
    var metadata = nuspec.Root.Element(ns + "metadata")!;
    metadata.Element(ns + "version")!.Value = version;
    metadata.Element(ns + "description")!.Value += " Patched by the Student Records Platform: reflection reads memoized, kernel in one Node.js process (synth/bindings/runtime).";
    nuspec.Save(nuspecPath);

    Directory.CreateDirectory(outputFolder);
    var package = Path.Combine(outputFolder, $"Amazon.JSII.Runtime.{version}.nupkg");
    File.Delete(package);
    ZipFile.CreateFromDirectory(work.FullName, package);
    Console.WriteLine($"{package}: {string.Join(", ", found.Select(f => $"{f.Value} × {f.Key}"))}");
    return 0;
}
finally
{
    work.Delete(recursive: true);
}

static Dictionary<string, int> Patch(string runtimePath, string memoPath, Dictionary<string, (string StandIn, int Sites)> replacements,
    Dictionary<string, string> literals, Dictionary<string, Func<string, string>> resources)
{
    var found = replacements.Keys.Concat(literals.Keys).Concat(resources.Keys).ToDictionary(k => k, _ => 0);
    var resolver = new DefaultAssemblyResolver();
    resolver.AddSearchDirectory(Path.GetDirectoryName(runtimePath)!);
    var memo = ModuleDefinition.ReadModule(memoPath).GetType("StudentRecords.JsiiReflectionMemo.Memo");
    using (var module = ModuleDefinition.ReadModule(runtimePath, new ReaderParameters { AssemblyResolver = resolver, ReadWrite = true }))
    {
        foreach (var instruction in module.GetTypes().SelectMany(t => t.Methods).Where(m => m.HasBody).SelectMany(m => m.Body.Instructions))
        {
            if (instruction.OpCode == OpCodes.Ldstr && literals.TryGetValue((string)instruction.Operand, out var literal))
            {
                found[(string)instruction.Operand]++;
                instruction.Operand = literal;
                continue;
            }
            if (instruction.Operand is not MethodReference called || !replacements.TryGetValue(Key(called), out var replacement)) continue;
            var standIn = StandInFor(called, replacement.StandIn, memo);
            instruction.OpCode = OpCodes.Call; // an instance call becomes a static one taking the instance first: same stack
            instruction.Operand = called is GenericInstanceMethod generic
                ? Instantiate(module.ImportReference(standIn), generic.GenericArguments)
                : module.ImportReference(standIn);
            found[Key(called)]++;
        }
        for (var i = 0; i < module.Resources.Count; i++)
        {
            if (module.Resources[i] is not EmbeddedResource resource || !resources.TryGetValue(resource.Name, out var edit)) continue;
            var text = System.Text.Encoding.UTF8.GetString(resource.GetResourceData());
            module.Resources[i] = new EmbeddedResource(resource.Name, resource.Attributes, System.Text.Encoding.UTF8.GetBytes(edit(text)));
            found[resource.Name]++;
        }
        module.Write();
    }
    return found;
}

static string ReplaceOnce(string text, string from, string to)
{
    var at = text.IndexOf(from, StringComparison.Ordinal);
    if (at < 0 || text.IndexOf(from, at + 1, StringComparison.Ordinal) >= 0)
        throw new InvalidOperationException($"expected \"{from}\" once in the runtime's JavaScript; review the patch");
    return string.Concat(text.AsSpan(0, at), to, text.AsSpan(at + from.Length));
}

static string EmbeddedText(string name)
{
    using var stream = typeof(Program).Assembly.GetManifestResourceStream(name)!;
    return new StreamReader(stream).ReadToEnd();
}

static string Key(MethodReference method)
{
    var definition = method is GenericInstanceMethod generic ? generic.ElementMethod : method;
    var arity = definition.HasGenericParameters ? "<T>" : "";
    return $"{definition.DeclaringType.FullName}::{definition.Name}{arity}({string.Join(",", definition.Parameters.Select(p => p.ParameterType.FullName))})";
}

// The stand-in takes the original's parameters, with the instance first, and returns the same type.
static MethodDefinition StandInFor(MethodReference called, string name, TypeDefinition memo)
{
    var definition = called is GenericInstanceMethod generic ? generic.ElementMethod : called;
    var parameters = (definition.HasThis ? [definition.DeclaringType.FullName] : Array.Empty<string>())
        .Concat(definition.Parameters.Select(p => p.ParameterType.FullName)).ToArray();
    return memo.Methods.Single(m => m.Name == name && m.GenericParameters.Count == definition.GenericParameters.Count
        && m.Parameters.Select(p => p.ParameterType.FullName).SequenceEqual(parameters));
}

static GenericInstanceMethod Instantiate(MethodReference method, IEnumerable<TypeReference> arguments)
{
    var instance = new GenericInstanceMethod(method);
    foreach (var argument in arguments) instance.GenericArguments.Add(argument);
    return instance;
}
