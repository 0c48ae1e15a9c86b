using System;
using System.Reflection;
using System.Reflection.Emit;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;

namespace Mine.MLNet.Trainers.InformationBottleneck
{
    /// <summary>
    /// Creates <see cref="InformationBottleneckTransformer"/>s that ML.NET's whole-chain overload
    /// <c>PermutationFeatureImportance(ITransformer model, IDataView data, ...)</c> finds as the chain's predictor.
    /// </summary>
    /// <remarks>
    /// That overload walks the chain backwards for the last transformer implementing ML.NET's internal, non-generic
    /// <c>Microsoft.ML.ISingleFeaturePredictionTransformer</c> (one member, FeatureColumnName), which no outside assembly
    /// can name at compile time; everything after the lookup uses the public generic interface the transformer already
    /// implements. So once per process this emits a sealed subclass that also declares the internal interface, in a
    /// dynamic assembly carrying <c>IgnoresAccessChecksToAttribute</c> for Microsoft.ML.Data and Mine.MLNet: the
    /// attribute the runtime honours for exactly this (System.Reflection.DispatchProxy emits it the same way). Should a
    /// later ML.NET rename the interface, Fit logs a warning and returns the plain transformer, with which PFI still
    /// works through <c>model.LastTransformer</c>.
    /// </remarks>
    internal static class WholeChainPredictorFactory
    {
        private const string InternalInterfaceName = "Microsoft.ML.ISingleFeaturePredictionTransformer";

        private static readonly Type[] ConstructorParameters =
            { typeof(TransformerChain<ITransformer>), typeof(InformationBottleneckModelParameters), typeof(string) };

        private static readonly Lazy<(ConstructorInfo Constructor, string Failure)> Subclass = new(EmitSubclass);

        /// <summary>The transformer for a fitted chain: an instance of the emitted subclass when it could be built.</summary>
        public static InformationBottleneckTransformer Create(IChannel channel, TransformerChain<ITransformer> chain,
            InformationBottleneckModelParameters model, string featureColumnName)
        {
            (ConstructorInfo constructor, string failure) = Subclass.Value;
            if (constructor != null)
                return (InformationBottleneckTransformer)constructor.Invoke(new object[] { chain, model, featureColumnName });
            channel.Warning(MessageSensitivity.None,
                "Information bottleneck: PermutationFeatureImportance(model, data) will not find this classifier in a chain ({0}); pass model.LastTransformer.", failure);
            return new InformationBottleneckTransformer(chain, model, featureColumnName);
        }

        private static (ConstructorInfo, string) EmitSubclass()
        {
            Type contract = typeof(ISingleFeaturePredictionTransformer<>).Assembly.GetType(InternalInterfaceName);
            MethodInfo contractGetter = contract?.GetProperty(nameof(InformationBottleneckTransformer.FeatureColumnName))?.GetMethod;
            if (contractGetter == null)
                return (null, $"{InternalInterfaceName} with a FeatureColumnName property is not in {typeof(ISingleFeaturePredictionTransformer<>).Assembly.GetName()}");
            try
            {
                var name = new AssemblyName("Mine.MLNet.WholeChainPredictor");
                AssemblyBuilder assembly = AssemblyBuilder.DefineDynamicAssembly(name, AssemblyBuilderAccess.Run);
                ModuleBuilder module = assembly.DefineDynamicModule(name.Name);
                ConstructorInfo ignoresAccessChecksTo = DefineIgnoresAccessChecksToAttribute(module);
                Type baseType = typeof(InformationBottleneckTransformer);
                foreach (Assembly target in new[] { contract.Assembly, baseType.Assembly })
                    assembly.SetCustomAttribute(new CustomAttributeBuilder(ignoresAccessChecksTo, new object[] { target.GetName().Name }));

                TypeBuilder type = module.DefineType("Mine.MLNet.InformationBottleneckChainPredictor",
                    TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Class, baseType, new[] { contract });
                ConstructorInfo baseConstructor = baseType.GetConstructor(BindingFlags.Instance | BindingFlags.NonPublic, null, ConstructorParameters, null);
                ConstructorBuilder constructor = type.DefineConstructor(MethodAttributes.Public, CallingConventions.Standard, ConstructorParameters);
                ILGenerator il = constructor.GetILGenerator();
                il.Emit(OpCodes.Ldarg_0);
                il.Emit(OpCodes.Ldarg_1);
                il.Emit(OpCodes.Ldarg_2);
                il.Emit(OpCodes.Ldarg_3);
                il.Emit(OpCodes.Call, baseConstructor);
                il.Emit(OpCodes.Ret);

                // The interface's own member returns the base class's FeatureColumnName; its base interfaces (ITransformer,
                // ICanSaveModel) are already implemented by the base class.
                MethodBuilder getter = type.DefineMethod(InternalInterfaceName + ".get_FeatureColumnName",
                    MethodAttributes.Private | MethodAttributes.Virtual | MethodAttributes.Final | MethodAttributes.HideBySig | MethodAttributes.NewSlot,
                    typeof(string), Type.EmptyTypes);
                il = getter.GetILGenerator();
                il.Emit(OpCodes.Ldarg_0);
                il.Emit(OpCodes.Call, baseType.GetProperty(nameof(InformationBottleneckTransformer.FeatureColumnName)).GetMethod);
                il.Emit(OpCodes.Ret);
                type.DefineMethodOverride(getter, contractGetter);

                return (type.CreateType().GetConstructor(ConstructorParameters), null);
            }
            catch (Exception e) when (e is TypeLoadException || e is MemberAccessException || e is NotSupportedException || e is InvalidOperationException)
            {
                return (null, e.Message);
            }
        }

        /// <summary>Defines <c>System.Runtime.CompilerServices.IgnoresAccessChecksToAttribute(string assemblyName)</c> in <paramref name="module"/>.</summary>
        private static ConstructorInfo DefineIgnoresAccessChecksToAttribute(ModuleBuilder module)
        {
            TypeBuilder attribute = module.DefineType("System.Runtime.CompilerServices.IgnoresAccessChecksToAttribute",
                TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Class, typeof(Attribute));
            ConstructorBuilder constructor = attribute.DefineConstructor(MethodAttributes.Public, CallingConventions.Standard, new[] { typeof(string) });
            ILGenerator il = constructor.GetILGenerator();
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Call, typeof(Attribute).GetConstructor(BindingFlags.Instance | BindingFlags.NonPublic, null, Type.EmptyTypes, null));
            il.Emit(OpCodes.Ret);
            ConstructorInfo usage = typeof(AttributeUsageAttribute).GetConstructor(new[] { typeof(AttributeTargets) });
            attribute.SetCustomAttribute(new CustomAttributeBuilder(usage, new object[] { AttributeTargets.Assembly },
                new[] { typeof(AttributeUsageAttribute).GetProperty(nameof(AttributeUsageAttribute.AllowMultiple)) }, new object[] { true }));
            return attribute.CreateType().GetConstructor(new[] { typeof(string) });
        }
    }
}
