// GraphiQL for the gateway: SmallRye GraphQL UI's render script (smallrye-graphql-ui-graphiql), changed so that what a
// user types into the Headers tab (a bearer token) or the Variables tab (personal data, codes) never reaches the page
// URL, the browser's history or GraphiQL's stored history. The query and the operation name stay in the URL, to share.
const api = '/graphql';
const logo = '/q/graphql-ui';

const parameters = {};
new URLSearchParams(window.location.search).forEach(function (value, key) {
	parameters[key] = value;
});
const embed = parameters.embed;
// Links made by an older page may carry headers or variables: they are dropped from the address at once.
if ('headers' in parameters || 'variables' in parameters) {
	delete parameters.headers;
	delete parameters.variables;
	updateURL();
}

function onEditQuery(newQuery) {
	parameters.query = newQuery;
	updateURL();
}

function onEditOperationName(newOperationName) {
	parameters.operationName = newOperationName;
	updateURL();
}

function updateURL() {
	const search = new URLSearchParams();
	['query', 'operationName', 'embed'].filter(function (key) {
		return Boolean(parameters[key]);
	}).forEach(function (key) {
		search.set(key, parameters[key]);
	});
	history.replaceState(null, '', '?' + search.toString());
}

// GraphiQL keeps each run in its history (graphiql:queries, graphiql:favorites) with its headers and variables,
// whatever shouldPersistHeaders says: they are stored without them.
const HISTORY_KEYS = ['graphiql:queries', 'graphiql:favorites'];
const storage = {
	getItem: function (key) {
		return localStorage.getItem(key);
	},
	setItem: function (key, value) {
		if (HISTORY_KEYS.indexOf(key) >= 0) {
			const stored = JSON.parse(value);
			Object.keys(stored).forEach(function (list) {
				(Array.isArray(stored[list]) ? stored[list] : []).forEach(function (entry) {
					delete entry.headers;
					delete entry.variables;
				});
			});
			value = JSON.stringify(stored);
		}
		localStorage.setItem(key, value);
	},
	removeItem: function (key) {
		localStorage.removeItem(key);
	},
	clear: function () {
		Object.keys(localStorage).filter(function (key) {
			return key.indexOf('graphiql:') === 0;
		}).forEach(function (key) {
			localStorage.removeItem(key);
		});
	},
	get length() {
		return localStorage.length;
	},
};

ReactDOM.render(
	React.createElement(GraphiQL, {
		fetcher: GraphiQL.createFetcher({
			url: window.location.protocol + '//' + window.location.host + api,
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
		}),
		query: parameters.query,
		operationName: parameters.operationName,
		onEditQuery: onEditQuery,
		onEditOperationName: onEditOperationName,
		defaultSecondaryEditorOpen: true,
		headerEditorEnabled: true,
		shouldPersistHeaders: false,
		storage: storage,
		defaultEditorToolsVisibility: true,
	}),
	document.getElementById('graphiql')
);

if (!embed) {
	const sidebar = document.getElementsByClassName('graphiql-sidebar-section')[0];
	const logoLink = document.createElement('a');
	logoLink.id = 'graphQLUiLogoLink';
	logoLink.className = 'graphiql-un-styled';
	logoLink.href = logo;
	logoLink.innerHTML = "<img src='logo.png' alt='SmallRye GraphQL' height='44' align='middle'>";
	sidebar.insertBefore(logoLink, sidebar.firstChild);
}
