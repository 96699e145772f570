import Core

extension AppServices {
    /// The action executor of one company, with the refreshing OAuth token provider.
    func actionExecutor(companyID: String) -> ActionExecutor {
        let credentials = CredentialStore(database: database, companyID: companyID, vault: vault, clock: clock)
        return ActionExecutor(
            database: database, companyID: companyID, vault: vault, client: httpClient,
            tokenProvider: RefreshingTokenProvider(credentials: credentials, client: httpClient), clock: clock)
    }

    /// The agent turn runner of one company.
    func agentRunner(companyID: String) -> AgentRunner {
        AgentRunner(
            executor: actionExecutor(companyID: companyID), models: agentModels,
            configuration: AgentRunnerConfiguration(pendingActionLifetime: configuration.pendingActionLifetime))
    }
}
