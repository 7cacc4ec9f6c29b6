using System.Collections.Concurrent;
using System.Reflection;

namespace StudentRecords.JsiiReflectionMemo;

/// <summary>
/// Memoized stand-ins for the reflection reads Amazon.JSII.Runtime repeats for every object it creates:
/// PatchRuntime points its calls here. Each one calls exactly the original the first time and returns
/// that answer afterwards, which holds because types, members, attributes and assemblies never change
/// once loaded. Uncached, these reads were three quarters of a full synth's .NET time (DeputyBase checks
/// every method of a resource class against every interface it implements, on every instance).
/// One stand-in also narrows: see <see cref="JsiiTypes"/>.
/// </summary>
public static class Memo
{
    private static readonly ConcurrentDictionary<(Type, Type), InterfaceMapping> InterfaceMaps = new();
    private static readonly ConcurrentDictionary<(object, int, Type, bool), Attribute?> Attributes = new();
    private static readonly ConcurrentDictionary<Assembly, string?> AssemblyNames = new();

    /// <summary>Stands in for <see cref="Type.GetInterfaceMap"/>; callers only read the arrays.</summary>
    public static InterfaceMapping GetInterfaceMap(Type type, Type interfaceType) =>
        InterfaceMaps.GetOrAdd((type, interfaceType), static key => key.Item1.GetInterfaceMap(key.Item2));

    /// <summary>Stands in for <see cref="CustomAttributeExtensions.GetCustomAttribute(MemberInfo, Type, bool)"/>.</summary>
    public static Attribute? GetCustomAttribute(MemberInfo element, Type attributeType, bool inherit) =>
        Attributes.GetOrAdd((Declaration(element), element.MetadataToken, attributeType, inherit),
            static (key, member) => member.GetCustomAttribute(key.Item3, key.Item4), element);

    /// <summary>
    /// A member's attributes, inherited ones included, follow from its declaration alone; but reflection
    /// hands out a different MemberInfo for each type it is reached through (every resource class
    /// re-reflects TerraformResource's members), so the key is the declaring type and metadata token.
    /// A type is its own declaration: generic instantiations share a token.
    /// </summary>
    private static object Declaration(MemberInfo member) => member as Type ?? (object?)member.DeclaringType ?? member.Module;

    /// <summary>Stands in for <see cref="CustomAttributeExtensions.GetCustomAttribute(MemberInfo, Type)"/>.</summary>
    public static Attribute? GetCustomAttribute(MemberInfo element, Type attributeType) =>
        GetCustomAttribute(element, attributeType, inherit: true); // as the original does

    /// <summary>Stands in for <see cref="CustomAttributeExtensions.GetCustomAttribute{T}(MemberInfo, bool)"/>.</summary>
    public static T? GetCustomAttribute<T>(MemberInfo element, bool inherit) where T : Attribute =>
        (T?)GetCustomAttribute(element, typeof(T), inherit);

    /// <summary>Stands in for <see cref="CustomAttributeExtensions.GetCustomAttribute{T}(MemberInfo)"/>.</summary>
    public static T? GetCustomAttribute<T>(MemberInfo element) where T : Attribute =>
        (T?)GetCustomAttribute(element, typeof(T), inherit: true);

    /// <summary>
    /// Stands in for <see cref="Assembly.GetTypes"/> where the runtime's TypeCache looks for jsii types in
    /// every assembly the process loads, the framework's thousands of types included. Only assemblies jsii
    /// generated (marked with its JsiiAssembly attribute) hold any, so the others are not read at all.
    /// </summary>
    public static Type[] JsiiTypes(Assembly assembly) =>
        assembly.GetCustomAttributesData().Any(a => a.AttributeType.FullName == "Amazon.JSII.Runtime.Deputy.JsiiAssemblyAttribute")
            ? assembly.GetTypes()
            : Type.EmptyTypes;

    /// <summary>Stands in for <see cref="Assembly.FullName"/>, which builds a new string on every read.</summary>
    public static string? FullName(Assembly assembly) =>
        AssemblyNames.GetOrAdd(assembly, static a => a.FullName);
}
