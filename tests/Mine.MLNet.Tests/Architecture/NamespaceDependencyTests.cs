using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using System.Text.RegularExpressions;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Mine.MLNet.Tests.Architecture
{
    /// <summary>
    /// The library's layout rules (docs/architecture.md): an internal type's namespace is its folder, public types are in
    /// Mine.MLNet (the catalog in Microsoft.ML), and no namespace depends on a namespace that depends on it. Dependencies
    /// are read from Mine.MLNet.dll itself: signatures, base types, interfaces and every type, field and method that the
    /// IL of a method body names. Each public type counts on its own (users see one namespace; a public options type is
    /// read by the engine and an estimator uses the engine, which is no cycle between folders).
    /// </summary>
    [TestClass]
    public sealed class NamespaceDependencyTests
    {
        private static readonly Assembly Library = typeof(MineOptions).Assembly;

        private static readonly Dictionary<short, OperandType> OperandTypes = typeof(OpCodes)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (OpCode)f.GetValue(null))
            .ToDictionary(o => o.Value, o => o.OperandType);

        [TestMethod]
        [TestCategory("Unit")]
        public void NoNamespaceDependsOnANamespaceThatDependsOnIt()
        {
            Dictionary<string, HashSet<string>> edges = Edges(out Dictionary<(string, string), string> examples);
            List<List<string>> cycles = StronglyConnected(edges).Where(c => c.Count > 1).ToList();
            string report = string.Join("\n", cycles.Select(c => string.Join(" <-> ", c) + ": " + string.Join("; ",
                c.SelectMany(a => c.Where(b => edges[a].Contains(b)).Select(b => examples[(a, b)])).Take(6))));
            Assert.AreEqual(0, cycles.Count, "cycles between namespaces:\n" + report);
            // The check sees the engine's real structure (it would be empty if it read nothing).
            Assert.IsTrue(edges["Mine.MLNet.Estimation.Engine"].Contains("Mine.MLNet.Estimation.Bounds"));
            Assert.IsTrue(edges["Mine.MLNet.Selection.Search"].Contains("Mine.MLNet.Estimation.Engine"));
            Assert.IsFalse(edges["Mine.MLNet.Native"].Any(n => n.StartsWith("Mine.MLNet.", StringComparison.Ordinal)), "Native depends on nothing of ours");
        }

        [TestMethod]
        [TestCategory("Unit")]
        public void AnInternalTypesNamespaceIsItsFolder()
        {
            string root = Path.Combine(RepositoryRoot(), "src", "Mine.MLNet");
            var wrong = new List<string>();
            foreach (string file in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(root, file);
                if (relative.StartsWith("obj", StringComparison.Ordinal) || relative.StartsWith("bin", StringComparison.Ordinal) || relative.StartsWith("build", StringComparison.Ordinal))
                    continue;
                string text = File.ReadAllText(file);
                string ns = Regex.Match(text, @"^namespace ([\w.]+)", RegexOptions.Multiline).Groups[1].Value;
                string folder = Path.GetDirectoryName(relative).Replace(Path.DirectorySeparatorChar, '.');
                bool isPublic = Regex.IsMatch(text, @"^    public ", RegexOptions.Multiline);
                string expected = folder == "Catalog" ? "Microsoft.ML" : isPublic ? "Mine.MLNet" : "Mine.MLNet." + folder;
                if (ns != expected)
                    wrong.Add($"{relative}: namespace {ns}, expected {expected}");
            }
            Assert.AreEqual(0, wrong.Count, string.Join("\n", wrong));
        }

        /// <summary>The node a type belongs to: its namespace, or the type itself when it is public in Mine.MLNet.</summary>
        private static string Node(Type type)
        {
            while (type.DeclaringType != null)
                type = type.DeclaringType;
            if (type.IsGenericType)
                type = type.GetGenericTypeDefinition();
            if (type.Assembly != Library || string.IsNullOrEmpty(type.Namespace))
                return null;
            if (type.Namespace == "Microsoft.ML")
                return "Catalog";
            return type.Namespace == "Mine.MLNet" ? "Mine.MLNet." + type.Name : type.Namespace;
        }

        private static Dictionary<string, HashSet<string>> Edges(out Dictionary<(string, string), string> examples)
        {
            var edges = new Dictionary<string, HashSet<string>>();
            var found = new Dictionary<(string, string), string>();
            const BindingFlags all = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
            foreach (Type type in Library.GetTypes())
            {
                string from = Node(type);
                if (from == null)
                    continue;
                if (!edges.ContainsKey(from))
                    edges[from] = new HashSet<string>();
                void Add(Type target, string where)
                {
                    foreach (Type t in Expand(target))
                    {
                        string to = Node(t);
                        if (to != null && to != from && edges[from].Add(to))
                            found[(from, to)] = $"{type.Name} {where} {t.Name}";
                    }
                }
                Add(type.BaseType, "derives from");
                foreach (Type i in type.GetInterfaces())
                    Add(i, "implements");
                foreach (FieldInfo f in type.GetFields(all))
                    Add(f.FieldType, "has a field of");
                foreach (MethodBase m in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
                {
                    if (m is MethodInfo mi)
                        Add(mi.ReturnType, "returns");
                    foreach (ParameterInfo p in m.GetParameters())
                        Add(p.ParameterType, "takes");
                    MethodBody body = m.GetMethodBody();
                    if (body == null)
                        continue;
                    foreach (LocalVariableInfo local in body.LocalVariables)
                        Add(local.LocalType, "has a local of");
                    foreach (Type named in NamedInIl(m, body.GetILAsByteArray()))
                        Add(named, "uses");
                }
            }
            foreach (string to in edges.Values.SelectMany(v => v).ToList())
                edges.TryAdd(to, new HashSet<string>());
            examples = found;
            return edges;
        }

        /// <summary>A type with its element, generic arguments and the like.</summary>
        private static IEnumerable<Type> Expand(Type type)
        {
            if (type == null || type.IsGenericParameter)
                yield break;
            if (type.HasElementType)
            {
                foreach (Type t in Expand(type.GetElementType()))
                    yield return t;
                yield break;
            }
            yield return type;
            if (type.IsGenericType)
            {
                foreach (Type argument in type.GetGenericArguments())
                    foreach (Type t in Expand(argument))
                        yield return t;
            }
        }

        /// <summary>The declaring types of every type, field and method token in <paramref name="il"/>.</summary>
        private static IEnumerable<Type> NamedInIl(MethodBase method, byte[] il)
        {
            Type[] typeArguments = method.DeclaringType.IsGenericType ? method.DeclaringType.GetGenericArguments() : Type.EmptyTypes;
            Type[] methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : Type.EmptyTypes;
            int offset = 0;
            while (offset < il.Length)
            {
                short code = il[offset++];
                if (code == 0xFE)
                    code = (short)(0xFE00 | il[offset++]);
                OperandType operand = OperandTypes[code];
                if (operand is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
                {
                    MemberInfo member = method.Module.ResolveMember(BitConverter.ToInt32(il, offset), typeArguments, methodArguments);
                    yield return member as Type ?? member.DeclaringType;
                }
                offset += operand switch
                {
                    OperandType.InlineNone => 0,
                    OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                    OperandType.InlineVar => 2,
                    OperandType.InlineI8 or OperandType.InlineR => 8,
                    OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, offset),
                    _ => 4,
                };
            }
        }

        /// <summary>Tarjan's strongly connected components.</summary>
        private static List<List<string>> StronglyConnected(Dictionary<string, HashSet<string>> edges)
        {
            var index = new Dictionary<string, int>();
            var low = new Dictionary<string, int>();
            var stack = new Stack<string>();
            var onStack = new HashSet<string>();
            var components = new List<List<string>>();
            int counter = 0;
            void Visit(string v)
            {
                index[v] = low[v] = counter++;
                stack.Push(v);
                onStack.Add(v);
                foreach (string w in edges[v])
                {
                    if (!index.ContainsKey(w))
                    {
                        Visit(w);
                        low[v] = Math.Min(low[v], low[w]);
                    }
                    else if (onStack.Contains(w))
                    {
                        low[v] = Math.Min(low[v], index[w]);
                    }
                }
                if (low[v] != index[v])
                    return;
                var component = new List<string>();
                string x;
                do
                {
                    x = stack.Pop();
                    onStack.Remove(x);
                    component.Add(x);
                }
                while (x != v);
                components.Add(component);
            }
            foreach (string v in edges.Keys.OrderBy(k => k))
            {
                if (!index.ContainsKey(v))
                    Visit(v);
            }
            return components;
        }

        private static string RepositoryRoot()
            => TestAssemblyMetadata.RepositoryRoot;
    }
}
