using Mono.Cecil;
using Mono.Cecil.Cil;
using Okno.Platform.Security;

namespace Okno.Tests.Architecture;

/// <summary>The dependency rules of DESIGN.md §2, read from the compiled assembly (every signature, attribute and
/// instruction of every method, lambdas and async state machines included), so a reference hidden in a method body
/// fails too.</summary>
public sealed class ArchitectureTests
{
    /// <summary>The product sections (feature folders) under <c>Okno.</c>; anything else under it is Platform, Api or
    /// the composition root.</summary>
    private static readonly string[] Features =
        ["Tickets", "Channels", "Customers", "Knowledge", "Admin", "Reports", "Sla", "Automation", "Routing", "Bots", "Surveys", "FieldService", "Demo", "Portal"];

    public static TheoryData<string, string[]> Rules => new()
    {
        // Platform is plumbing: it knows no product section.
        { "Okno.Platform", Features },
        // Tickets raises events; the features that react to tickets call it, never the other way round.
        { "Okno.Tickets", ["Channels", "Sla", "Automation", "Routing", "Bots", "Surveys", "Reports", "Demo"] },
        // Channel adapters and the rest of Okno stay apart from the demo desk that uses them all.
        { "Okno.Customers", ["Channels", "Sla", "Automation", "Routing", "Bots", "Surveys", "Reports", "Demo"] },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void A_section_references_none_of_the_sections_it_must_not(string section, string[] forbidden)
    {
        var violations = References.Of(typeof(OknoModules).Assembly.Location)
            .Where(r => InNamespace(r.From, section) && forbidden.Any(f => InNamespace(r.To, "Okno." + f)))
            .GroupBy(r => (r.From, r.To))
            .Select(g => $"{g.Key.From} → {g.Key.To} (e.g. {g.First().Where})")
            .Order(StringComparer.Ordinal).ToList();
        Assert.True(violations.Count == 0,
            $"{section} must not reference {string.Join(", ", forbidden)} (DESIGN.md §2), but:\n  " + string.Join("\n  ", violations));
    }

    [Fact]
    public void The_reader_sees_references_in_method_bodies_lambdas_and_signatures()
    {
        var found = References.Of(typeof(ArchitectureTests).Assembly.Location)
            .Where(r => r.From == typeof(ArchitectureSample).FullName).Select(r => r.To).ToHashSet();
        Assert.Contains(typeof(Okno.Tickets.TicketStatus).FullName!, found);   // a field
        Assert.Contains(typeof(Okno.Admin.Agent).FullName!, found);        // inside a lambda
        Assert.Contains(typeof(Okno.Knowledge.Article).FullName!, found);      // in an async method's body
    }

    private static bool InNamespace(string typeName, string ns) => typeName.StartsWith(ns + ".", StringComparison.Ordinal);
}

#pragma warning disable CS0414, CA1822 // read only by the reader above
/// <summary>What <see cref="ArchitectureTests"/> checks the reader against.</summary>
internal sealed class ArchitectureSample
{
    private Okno.Tickets.TicketStatus _status = default;
    public Func<object> Role => () => typeof(Okno.Admin.Agent);
    public async Task<string> TitleAsync() { await Task.Yield(); return typeof(Okno.Knowledge.Article).Name; }
}
#pragma warning restore CS0414, CA1822

/// <summary>Which type refers to which, from an assembly's metadata and IL. Nested and compiler-generated types count
/// as their outermost declaring type.</summary>
internal static class References
{
    public sealed record Reference(string From, string To, string Where);

    public static IReadOnlyList<Reference> Of(string assemblyPath)
    {
        using var assembly = AssemblyDefinition.ReadAssembly(assemblyPath);
        var found = new List<Reference>();
        foreach (var type in assembly.MainModule.GetTypes())
        {
            var from = Outermost(type).FullName;
            void Add(TypeReference? to, string where)
            {
                foreach (var name in Names(to)) found.Add(new Reference(from, name, $"{type.Name}: {where}"));
            }
            Add(type.BaseType, "base type");
            foreach (var i in type.Interfaces) Add(i.InterfaceType, "interface");
            foreach (var a in type.CustomAttributes) Attribute(a, "attribute");
            foreach (var f in type.Fields) { Add(f.FieldType, $"field {f.Name}"); foreach (var a in f.CustomAttributes) Attribute(a, $"field {f.Name}"); }
            foreach (var p in type.Properties) { Add(p.PropertyType, $"property {p.Name}"); foreach (var a in p.CustomAttributes) Attribute(a, $"property {p.Name}"); }
            foreach (var m in type.Methods)
            {
                var where = $"method {m.Name}";
                Add(m.ReturnType, where);
                foreach (var a in m.CustomAttributes) Attribute(a, where);
                foreach (var p in m.Parameters) { Add(p.ParameterType, where); foreach (var a in p.CustomAttributes) Attribute(a, where); }
                if (!m.HasBody) continue;
                foreach (var v in m.Body.Variables) Add(v.VariableType, where);
                foreach (var instruction in m.Body.Instructions)
                {
                    switch (instruction.Operand)
                    {
                        case TypeReference t: Add(t, where); break;
                        case MethodReference method:
                            Add(method.DeclaringType, where);
                            Add(method.ReturnType, where);
                            foreach (var p in method.Parameters) Add(p.ParameterType, where);
                            if (method is GenericInstanceMethod generic) foreach (var g in generic.GenericArguments) Add(g, where);
                            break;
                        case FieldReference field: Add(field.DeclaringType, where); Add(field.FieldType, where); break;
                    }
                }
            }

            void Attribute(CustomAttribute a, string where)
            {
                Add(a.AttributeType, where);
                foreach (var arg in a.ConstructorArguments) if (arg.Value is TypeReference t) Add(t, where);
            }
        }
        return found;
    }

    private static TypeDefinition Outermost(TypeDefinition type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        return type;
    }

    /// <summary>The full names of the types a reference mentions: itself (outermost declaring type), its element type
    /// and its generic arguments.</summary>
    private static IEnumerable<string> Names(TypeReference? type)
    {
        if (type is null or GenericParameter) yield break;
        switch (type)
        {
            case GenericInstanceType generic:
                foreach (var n in Names(generic.ElementType)) yield return n;
                foreach (var a in generic.GenericArguments) foreach (var n in Names(a)) yield return n;
                yield break;
            case TypeSpecification spec:
                foreach (var n in Names(spec.ElementType)) yield return n;
                yield break;
        }
        while (type.DeclaringType is not null) type = type.DeclaringType;
        yield return type.FullName;
    }
}
