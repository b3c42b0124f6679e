// Stands in for an analytics SDK: it sets a cookie as Google Analytics does (`_ga`, which the
// default analytics category erases on withdrawal) and says when it runs.
document.cookie = '_ga=GA1.1.example; path=/; max-age=86400'
console.info('example analytics loaded')
