import NQPConfig
import NQPPipeline

/// The one place a command turns an error into its message on standard error and its exit status (README "Exit
/// codes"): a lock or batch error keeps its own status, a configuration error is 2, anything else is 1.
func exitFailure(_ error: any Error) -> ExitStatusError {
    switch error {
    case let error as ExitStatusError:
        return error
    case let error as BatchError:
        printError("error: \(error)")
        return ExitStatusError(status: error.exitStatus)
    case let error as ShardError:
        printError(error.description.hasPrefix("error:") ? error.description : "error: \(error)")
        return ExitStatusError(status: error.exitStatus)
    case let error as ConfigError:
        printError(error.description)
        return ExitStatusError(status: .configuration)
    default:
        printError("error: \(error)")
        return ExitStatusError(status: .failure)
    }
}
