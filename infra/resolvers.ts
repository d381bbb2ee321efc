/**
 * The definition's pipeline functions and resolvers on the API, with runtime APPSYNC_JS 1.0.0 and the
 * code the build step bundled (`local/build/resolvers.ts`, the files the local runtime loads), inline
 * in the template byte for byte: no second bundling, no S3 asset. A unit resolver without code is a
 * direct Lambda resolver (no runtime, as AppSync wants it).
 */
import { readFileSync } from 'node:fs';
import { AppsyncFunction, Code, FunctionRuntime, Resolver, type BaseDataSource, type CfnResolver, type GraphqlApi } from 'aws-cdk-lib/aws-appsync';
import type { PipelineFunctionDefinition, ResolverDefinition } from '../local/definition/types.js';
import { required } from './required.js';

export interface ResolverResources {
  dataSources: ReadonlyMap<string, BaseDataSource>;
  /** The bundle file the build step wrote for a code file of the definition. */
  bundleOf(codeFile: string): string;
}

function jsCode(codeFile: string, resources: ResolverResources): { runtime: FunctionRuntime; code: Code } {
  return { runtime: FunctionRuntime.JS_1_0_0, code: Code.fromInline(readFileSync(resources.bundleOf(codeFile), 'utf8')) };
}

function pipelineFunctionConstructId(fn: PipelineFunctionDefinition): string {
  return `${fn.name}PipelineFunction`;
}

function resolverConstructId(resolver: ResolverDefinition): string {
  return `${resolver.typeName}${resolver.fieldName}Resolver`;
}

/** Every pipeline function of the definition, by name. */
export function createPipelineFunctions(
  api: GraphqlApi,
  functions: readonly PipelineFunctionDefinition[],
  resources: ResolverResources,
): Map<string, AppsyncFunction> {
  return new Map(
    functions.map((fn) => [
      fn.name,
      new AppsyncFunction(api, pipelineFunctionConstructId(fn), {
        api,
        name: fn.name,
        dataSource: required(resources.dataSources.get(fn.dataSource), `data source ${fn.dataSource}`),
        ...jsCode(fn.code, resources),
      }),
    ]),
  );
}

function createResolver(api: GraphqlApi, resolver: ResolverDefinition, functions: ReadonlyMap<string, AppsyncFunction>, resources: ResolverResources): Resolver {
  const target = { api, typeName: resolver.typeName, fieldName: resolver.fieldName };
  const id = resolverConstructId(resolver);
  if (resolver.kind === 'UNIT') {
    return new Resolver(api, id, {
      ...target,
      dataSource: required(resources.dataSources.get(resolver.dataSource), `data source ${resolver.dataSource}`),
      ...(resolver.code === undefined ? {} : jsCode(resolver.code, resources)),
      ...(resolver.maxBatchSize === undefined ? {} : { maxBatchSize: resolver.maxBatchSize }),
    });
  }
  const deployed = new Resolver(api, id, {
    ...target,
    pipelineConfig: resolver.functions.map((name) => required(functions.get(name), `function ${name}`)),
    ...jsCode(resolver.code, resources),
  });
  if (resolver.functions.length === 0) {
    // AppSync runs a pipeline of no functions (before → after); CDK would render it as a UNIT resolver.
    const cfn = deployed.node.defaultChild as CfnResolver;
    cfn.kind = 'PIPELINE';
    cfn.pipelineConfig = { functions: [] };
  }
  return deployed;
}

export function createResolvers(
  api: GraphqlApi,
  resolvers: readonly ResolverDefinition[],
  functions: ReadonlyMap<string, AppsyncFunction>,
  resources: ResolverResources,
): Resolver[] {
  return resolvers.map((resolver) => createResolver(api, resolver, functions, resources));
}
