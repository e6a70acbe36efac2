// Runs cross-check cases on aws-local-stepfunctions, the independent engine the local engine is compared with.
//
//   node crosscheck-runner.mjs <tools-dir> run   < cases.json   > results.json
//   node crosscheck-runner.mjs <tools-dir> bench < benches.json > timings.json   (each: warmup runs, then rounds of repeat runs)
//
// <tools-dir> holds node_modules with aws-local-stepfunctions and asl-validator (tools/setup-node.sh puts
// them in .tools/node). A case is {name, definition, input, taskResults, context}; taskResults maps a state name,
// a FunctionName or a Lambda resource to the results its calls return in order, with the conventions of
// io.crawlseq.engine.task.ScriptedTaskInvoker: {"error", "cause"} fails the call, {"$echo": true} returns
// the payload, {"$hang": true} never returns, {"$result": x} returns x, anything else is returned as is.
// Lambda-invoke results are wrapped in {ExecutedVersion, Payload, StatusCode} here, since this engine has
// no Lambda integration of its own and the local engine wraps them too.
// Every case runs with Wait and Retry pauses overridden to 0 ms. All cases run concurrently so task
// timeouts overlap; the output is one JSON array in input order:
//   {name, status, output, error, cause, invocations: [{state, functionName, payload}], validation: {valid, errors}}
import { createRequire } from 'node:module';
import path from 'node:path';

const [toolsDir, mode = 'run'] = process.argv.slice(2);
if (!toolsDir) {
  process.stderr.write('usage: crosscheck-runner.mjs <tools-dir> [run|bench] < cases.json\n');
  process.exit(2);
}
const require = createRequire(path.join(path.resolve(toolsDir), 'index.js'));
const { StateMachine, ExecutionError, ExecutionTimeoutError } = require('aws-local-stepfunctions');
const aslValidator = require('asl-validator');

const LAMBDA_INVOKE = 'arn:aws:states:::lambda:invoke';

function clone(value) {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

/** Every state of the machine, nested Map processors and Parallel branches included. */
function allStates(graph, out = []) {
  for (const [name, state] of Object.entries(graph.States ?? {})) {
    out.push([name, state]);
    for (const branch of state.Branches ?? []) allStates(branch, out);
    const processor = state.ItemProcessor ?? state.Iterator;
    if (processor) allStates(processor, out);
  }
  return out;
}

function isFailure(element) {
  return element !== null && typeof element === 'object' && !Array.isArray(element)
    && typeof element.error === 'string'
    && Object.keys(element).every((key) => key === 'error' || key === 'cause');
}

function scriptedError(name, message) {
  const error = new Error(message ?? '');
  error.name = name;
  return error;
}

function makeHandler(stateName, state, queues, invocations) {
  return async (input) => {
    const lambdaInvoke = state.Resource === LAMBDA_INVOKE;
    const functionName = lambdaInvoke ? input?.FunctionName : state.Resource;
    const payload = lambdaInvoke ? (input?.Payload === undefined ? {} : input.Payload) : input;
    invocations.push({ state: stateName, functionName, payload: clone(payload) });
    const key = [stateName, functionName, functionKey(functionName)].find((candidate) => candidate !== undefined && candidate in queues);
    const next = key === undefined ? undefined : queues[key].shift();
    if (next === undefined) {
      throw scriptedError('ScriptExhausted', `No scripted result left for state '${stateName}' (function '${functionName}')`);
    }
    if (isFailure(next)) throw scriptedError(next.error, next.cause);
    let result = next;
    if (next !== null && typeof next === 'object' && !Array.isArray(next) && Object.keys(next).length === 1) {
      if (next.$echo === true) result = payload;
      else if (next.$hang === true) return new Promise(() => {});
      else if ('$result' in next) result = next.$result;
    }
    result = clone(result);
    return lambdaInvoke ? { ExecutedVersion: '$LATEST', Payload: result ?? null, StatusCode: 200 } : result;
  };
}

/** The same key FunctionRouter.functionKey computes: placeholder inside, or the name in a Lambda ARN. */
function functionKey(nameOrArn) {
  if (typeof nameOrArn !== 'string') return undefined;
  let value = nameOrArn.trim();
  if (value.startsWith('${') && value.endsWith('}')) return value.slice(2, -1);
  const at = value.indexOf(':function:');
  if (at >= 0) value = value.slice(at + ':function:'.length);
  const colon = value.indexOf(':');
  return colon >= 0 ? value.slice(0, colon) : value;
}

function overridesFor(definition, queues, invocations) {
  const taskResourceLocalHandlers = {};
  const waitTimeOverrides = {};
  const retryIntervalOverrides = {};
  for (const [name, state] of allStates(definition)) {
    if (state.Type === 'Task') taskResourceLocalHandlers[name] = makeHandler(name, state, queues, invocations);
    if (state.Type === 'Wait') waitTimeOverrides[name] = 0;
    if (Array.isArray(state.Retry)) retryIntervalOverrides[name] = 0;
  }
  return { taskResourceLocalHandlers, waitTimeOverrides, retryIntervalOverrides };
}

function validate(definition) {
  const { isValid, errorsText } = aslValidator(clone(definition), { checkArn: true, checkPaths: true });
  return { valid: isValid, errors: isValid ? '' : errorsText('\n') };
}

async function runCase(testCase) {
  const result = { name: testCase.name, validation: validate(testCase.definition), invocations: [] };
  const queues = clone(testCase.taskResults ?? {});
  try {
    const machine = new StateMachine(clone(testCase.definition), { validationOptions: { checkArn: false } });
    const execution = machine.run(clone(testCase.input ?? {}), {
      overrides: overridesFor(testCase.definition, queues, result.invocations),
      // The context object the local engine builds (Execution.Id/Name/RoleArn, StateMachine.Id/Name);
      // aws-local-stepfunctions fills in Execution.Input and StartTime itself.
      context: clone(testCase.context ?? {}),
    });
    result.output = await execution.result;
    result.status = 'SUCCEEDED';
  } catch (error) {
    if (error instanceof ExecutionTimeoutError) {
      result.status = 'TIMED_OUT';
    } else if (error instanceof ExecutionError) {
      result.status = 'FAILED';
      result.error = error.cause?.name;
      result.cause = error.cause?.message;
    } else {
      result.status = 'ENGINE_ERROR';
      result.error = error?.name;
      result.cause = String(error?.message ?? error);
    }
  }
  return result;
}

async function bench(benchCase) {
  const run = async () => {
    const answer = benchCase.taskResult ?? { ok: true };
    const machine = new StateMachine(benchCase.definition, { validationOptions: { noValidate: true } });
    const handlers = {};
    for (const [name, state] of allStates(benchCase.definition)) {
      if (state.Type === 'Task') {
        handlers[name] = async () => (state.Resource === LAMBDA_INVOKE
          ? { ExecutedVersion: '$LATEST', Payload: answer, StatusCode: 200 } : answer);
      }
    }
    await machine.run(benchCase.input ?? {}, { overrides: { taskResourceLocalHandlers: handlers } }).result;
  };
  for (let i = 0; i < (benchCase.warmup ?? 1); i++) await run();
  const roundsMs = [];
  for (let round = 0; round < (benchCase.rounds ?? 1); round++) {
    const started = process.hrtime.bigint();
    for (let i = 0; i < benchCase.repeat; i++) await run();
    roundsMs.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return { name: benchCase.name, runs: benchCase.repeat, roundsMs };
}

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

const cases = await readStdin();
let results;
if (mode === 'bench') {
  results = [];
  for (const benchCase of cases) results.push(await bench(benchCase));
} else {
  results = await Promise.all(cases.map(runCase));
}
// Hanging tasks leave promises and timers behind; the results are all that matter now.
process.stdout.write(JSON.stringify(results), () => process.exit(0));
