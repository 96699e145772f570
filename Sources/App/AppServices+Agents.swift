import Core

extension AppServices {
    /// The agent turn runner of one company: its executor with the refreshing token provider.
    func agentRunner(companyID: String) -> AgentRunner {
        let credentials = CredentialStore(database: database, companyID: companyID, vault: vault, clock: clock)
        let executor = ActionExecutor(
            database: database, companyID: companyID, vault: vault, client: httpClient,
            tokenProvider: RefreshingTokenProvider(credentials: credentials, client: httpClient), clock: clock)
        return AgentRunner(
            executor: executor, models: agentModels,
            configuration: AgentRunnerConfiguration(pendingActionLifetime: configuration.pendingActionLifetime))
    }
}
