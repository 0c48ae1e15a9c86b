using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Mine.MLNet.Tests.Reliability
{
    /// <summary>
    /// The calls each method body of one assembly makes (call, callvirt, newobj, ldftn, ldvirtftn), read from its IL
    /// with System.Reflection.Metadata. Methods are named "Namespace.Type+Nested::Name(ParamType,...)", with generic
    /// arguments dropped from the declaring type, so a call site in one assembly and the definition in another give
    /// the same name.
    /// </summary>
    internal sealed class IlCallGraph
    {
        private static readonly Dictionary<short, OperandType> OperandTypes = typeof(OpCodes)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (OpCode)f.GetValue(null))
            .ToDictionary(o => o.Value, o => o.OperandType);

        private IlCallGraph(Dictionary<string, List<CallSite>> callsByMethod, Dictionary<string, string> returnTypes)
        {
            CallsByMethod = callsByMethod;
            ReturnTypes = returnTypes;
        }

        /// <summary>Every method with a body, by name, and the calls it makes in IL order.</summary>
        public IReadOnlyDictionary<string, List<CallSite>> CallsByMethod { get; }

        /// <summary>The return type of every method defined in the assembly, by method name.</summary>
        public IReadOnlyDictionary<string, string> ReturnTypes { get; }

        /// <summary>Reads every method body of the assembly at <paramref name="path"/>.</summary>
        public static IlCallGraph Read(string path)
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            MetadataReader reader = pe.GetMetadataReader();
            var names = new MemberNames(reader);
            var calls = new Dictionary<string, List<CallSite>>();
            var returns = new Dictionary<string, string>();
            foreach (MethodDefinitionHandle handle in reader.MethodDefinitions)
            {
                MethodDefinition method = reader.GetMethodDefinition(handle);
                string name = names.Of(handle);
                returns[name] = names.ReturnTypeOf(handle);
                if (method.RelativeVirtualAddress == 0)
                    continue;
                MethodBodyBlock body = pe.GetMethodBody(method.RelativeVirtualAddress);
                if (!calls.TryGetValue(name, out List<CallSite> list))
                    calls[name] = list = new List<CallSite>();
                list.AddRange(CallsIn(body.GetILBytes(), names));
            }
            return new IlCallGraph(calls, returns);
        }

        private static IEnumerable<CallSite> CallsIn(byte[] il, MemberNames names)
        {
            int offset = 0;
            while (offset < il.Length)
            {
                int start = offset;
                short code = il[offset++];
                if (code == 0xFE)
                    code = (short)(0xFE00 | il[offset++]);
                OperandType operand = OperandTypes[code];
                if (code == OpCodes.Call.Value || code == OpCodes.Callvirt.Value || code == OpCodes.Newobj.Value
                    || code == OpCodes.Ldftn.Value || code == OpCodes.Ldvirtftn.Value)
                {
                    int token = BitConverter.ToInt32(il, offset);
                    yield return new CallSite(start, names.Of(MetadataTokens.EntityHandle(token)));
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

        /// <summary>One call instruction: its IL offset and the method it names.</summary>
        internal readonly record struct CallSite(int Offset, string Target);

        /// <summary>Names of methods and types as this graph writes them.</summary>
        private sealed class MemberNames : ISignatureTypeProvider<string, object>
        {
            private readonly MetadataReader reader;

            public MemberNames(MetadataReader reader) => this.reader = reader;

            public string Of(EntityHandle handle) => handle.Kind switch
            {
                HandleKind.MethodDefinition => Of((MethodDefinitionHandle)handle),
                HandleKind.MemberReference => OfReference((MemberReferenceHandle)handle),
                HandleKind.MethodSpecification => Of(reader.GetMethodSpecification((MethodSpecificationHandle)handle).Method),
                _ => "?",
            };

            public string Of(MethodDefinitionHandle handle)
            {
                MethodDefinition method = reader.GetMethodDefinition(handle);
                MethodSignature<string> signature = method.DecodeSignature(this, null);
                return $"{TypeName(method.GetDeclaringType())}::{reader.GetString(method.Name)}({string.Join(",", signature.ParameterTypes)})";
            }

            public string ReturnTypeOf(MethodDefinitionHandle handle)
                => reader.GetMethodDefinition(handle).DecodeSignature(this, null).ReturnType;

            private string OfReference(MemberReferenceHandle handle)
            {
                MemberReference member = reader.GetMemberReference(handle);
                if (member.GetKind() != MemberReferenceKind.Method)
                    return "?";
                MethodSignature<string> signature = member.DecodeMethodSignature(this, null);
                string parent = member.Parent.Kind switch
                {
                    HandleKind.TypeReference => TypeName((TypeReferenceHandle)member.Parent),
                    HandleKind.TypeDefinition => TypeName((TypeDefinitionHandle)member.Parent),
                    HandleKind.TypeSpecification => WithoutGenericArguments(
                        reader.GetTypeSpecification((TypeSpecificationHandle)member.Parent).DecodeSignature(this, null)),
                    _ => "?",
                };
                return $"{parent}::{reader.GetString(member.Name)}({string.Join(",", signature.ParameterTypes)})";
            }

            private static string WithoutGenericArguments(string type)
            {
                int bracket = type.IndexOf('<');
                return bracket < 0 ? type : type[..bracket];
            }

            private string TypeName(TypeDefinitionHandle handle)
            {
                TypeDefinition type = reader.GetTypeDefinition(handle);
                TypeDefinitionHandle outer = type.GetDeclaringType();
                return outer.IsNil
                    ? Join(reader.GetString(type.Namespace), reader.GetString(type.Name))
                    : TypeName(outer) + "+" + reader.GetString(type.Name);
            }

            private string TypeName(TypeReferenceHandle handle)
            {
                TypeReference type = reader.GetTypeReference(handle);
                return type.ResolutionScope.Kind == HandleKind.TypeReference
                    ? TypeName((TypeReferenceHandle)type.ResolutionScope) + "+" + reader.GetString(type.Name)
                    : Join(reader.GetString(type.Namespace), reader.GetString(type.Name));
            }

            private static string Join(string ns, string name) => ns.Length == 0 ? name : ns + "." + name;

            public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();
            public string GetTypeFromDefinition(MetadataReader r, TypeDefinitionHandle handle, byte rawTypeKind) => TypeName(handle);
            public string GetTypeFromReference(MetadataReader r, TypeReferenceHandle handle, byte rawTypeKind) => TypeName(handle);
            public string GetTypeFromSpecification(MetadataReader r, object context, TypeSpecificationHandle handle, byte rawTypeKind)
                => r.GetTypeSpecification(handle).DecodeSignature(this, context);
            public string GetSZArrayType(string elementType) => elementType + "[]";
            public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[" + new string(',', shape.Rank - 1) + "]";
            public string GetByReferenceType(string elementType) => elementType + "&";
            public string GetPointerType(string elementType) => elementType + "*";
            public string GetPinnedType(string elementType) => elementType;
            public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments)
                => genericType + "<" + string.Join(",", typeArguments) + ">";
            public string GetGenericTypeParameter(object context, int index) => "!" + index;
            public string GetGenericMethodParameter(object context, int index) => "!!" + index;
            public string GetFunctionPointerType(MethodSignature<string> signature) => "fnptr";
            public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;
        }
    }
}
