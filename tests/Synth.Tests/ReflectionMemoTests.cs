using System.Reflection;
using Amazon.JSII.Runtime.Deputy;
using StudentRecords.JsiiReflectionMemo;

namespace StudentRecords.Synth.Tests;

/// <summary>
/// The patched jsii runtime (synth/bindings/runtime) is the one in use, and its memoized reflection gives
/// the answers reflection gives. That the synthesized stacks are unchanged, the snapshot tests show.
/// </summary>
public sealed class ReflectionMemoTests
{
    [AttributeUsage(AttributeTargets.All, Inherited = true)]
    private sealed class MarkAttribute(string name) : Attribute
    {
        public string Name { get; } = name;
    }

    private interface IShape
    {
        [Mark("interface")]
        string Describe();
    }

    private class Base : IShape
    {
        [Mark("base")]
        public virtual string Name => "base";

        public string Describe() => Name;
    }

    private sealed class Square : Base
    {
        public override string Name => "square";
    }

    private sealed class Circle : Base;

    [Fact]
    public void TheRuntimeInUseCallsTheMemo()
    {
        var runtime = typeof(DeputyBase).Assembly;

        Assert.Contains(runtime.GetReferencedAssemblies(), a => a.Name == typeof(Memo).Assembly.GetName().Name);
    }

    [Theory]
    [InlineData(typeof(Square), nameof(Base.Name), true)]
    [InlineData(typeof(Square), nameof(Base.Name), false)]
    [InlineData(typeof(Circle), nameof(Base.Name), true)]
    [InlineData(typeof(Base), nameof(Base.Name), false)]
    public void AttributesAreThoseReflectionFinds(Type type, string property, bool inherit)
    {
        var member = type.GetProperty(property)!;

        Assert.Equal(member.GetCustomAttribute<MarkAttribute>(inherit)?.Name, Memo.GetCustomAttribute<MarkAttribute>(member, inherit)?.Name);
    }

    [Fact]
    public void AMemberReachedThroughDifferentTypesIsLookedUpOnce()
    {
        var throughSquare = typeof(Square).GetMethod(nameof(Base.Describe))!;
        var throughCircle = typeof(Circle).GetMethod(nameof(Base.Describe))!;
        Assert.NotSame(throughSquare, throughCircle); // reflection hands out one MethodInfo per reflected type

        Assert.Same(Memo.GetCustomAttribute(throughSquare, typeof(MarkAttribute)), Memo.GetCustomAttribute(throughCircle, typeof(MarkAttribute)));
    }

    [Fact]
    public void AnOverrideAndTheMemberItOverridesAreKeptApart()
    {
        var overriding = typeof(Square).GetProperty(nameof(Base.Name))!;
        var overridden = typeof(Base).GetProperty(nameof(Base.Name))!;

        Assert.Null(Memo.GetCustomAttribute<MarkAttribute>(overriding, inherit: false));
        Assert.Equal("base", Memo.GetCustomAttribute<MarkAttribute>(overridden, inherit: false)?.Name);
    }

    [Fact]
    public void InterfaceMapsAndAssemblyNamesAreReflections()
    {
        var map = Memo.GetInterfaceMap(typeof(Square), typeof(IShape));

        Assert.Equal(typeof(Square).GetInterfaceMap(typeof(IShape)).TargetMethods, map.TargetMethods);
        Assert.Equal(typeof(Memo).Assembly.FullName, Memo.FullName(typeof(Memo).Assembly));
    }

    [Fact]
    public void OnlyAssembliesJsiiGeneratedAreSearchedForJsiiTypes()
    {
        var cdktf = typeof(HashiCorp.Cdktf.App).Assembly;

        Assert.Equal(cdktf.GetTypes(), Memo.JsiiTypes(cdktf));
        Assert.Empty(Memo.JsiiTypes(typeof(Enumerable).Assembly));
        Assert.Empty(Memo.JsiiTypes(typeof(DeputyBase).Assembly)); // the runtime declares no jsii types of its own
    }
}
